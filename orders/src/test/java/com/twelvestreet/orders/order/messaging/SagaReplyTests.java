package com.twelvestreet.orders.order.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.twelvestreet.orders.OrdersApiTest;
import com.twelvestreet.orders.catalog.ProductReplica;
import com.twelvestreet.orders.order.Order;
import com.twelvestreet.orders.order.OrderRepository;
import com.twelvestreet.orders.order.OrderRequest;
import com.twelvestreet.orders.order.OrderService;
import com.twelvestreet.orders.order.OrderStatus;
import com.twelvestreet.orders.order.ShippingAddress;
import com.twelvestreet.orders.order.StatusChange;
import com.twelvestreet.orders.support.ProductsStub;
import com.twelvestreet.platform.test.SagaEvents;
import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.deliveries.DeliveryCompleted;
import com.twelvestreet.platform.contracts.deliveries.DeliveryFailed;
import com.twelvestreet.platform.contracts.deliveries.DeliveryStarted;
import com.twelvestreet.platform.contracts.products.ProductChanged;
import com.twelvestreet.platform.contracts.products.ProductOutOfStock;
import com.twelvestreet.platform.contracts.products.StockReserved;
import com.twelvestreet.platform.events.EventEnvelope;
import com.twelvestreet.platform.security.Caller;
import com.twelvestreet.platform.test.KafkaTestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The other services' events over a real broker move orders along the saga, once each. */
@OrdersApiTest
class SagaReplyTests {

    static final ShippingAddress HOME = new ShippingAddress("Kim", "04524", "12 Sejong-daero");

    @Autowired
    OrderService service;

    @Autowired
    OrderRepository orders;

    @Autowired
    ProductsStub products;

    @Autowired
    ProductReplica replica;

    @Autowired
    SagaEvents events;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void catalogue() {
        products.reset();
        products.put(1, "TV", 10_000);
    }

    @Test
    void shouldFollowTheHappyPathAndAnnounceEachStep() {
        UUID id = place();
        try (Consumer<String, String> published = events.consumer(Topics.ORDERS)) {
            UUID delivery = shipped(id);
            events.send(Topics.DELIVERIES, delivery.toString(), new DeliveryCompleted(delivery, id));
            awaitStatus(id, OrderStatus.DELIVERED);

            List<JsonNode> announced = SagaEvents.next(published, id, 4);
            assertThat(announced).extracting(e -> e.get("eventType").asString())
                    .containsExactly("OrderPlaced", "OrderConfirmed", "OrderShipped", "OrderDelivered");
            assertThat(announced.get(1).at("/payload/totalAmount").asLong()).isEqualTo(20_000);
        }
        assertThat(orders.findById(id).orElseThrow().getTimeline()).extracting(StatusChange::status).containsExactly(
                OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
    }

    @Test
    void shouldEndTheOrderOnceWhenItsDeliveryFailsAndTellWhy() {
        UUID id = place();
        try (Consumer<String, String> published = events.consumer(Topics.ORDERS)) {
            UUID delivery = shipped(id);
            EventEnvelope<Object> failed = events.send(Topics.DELIVERIES, delivery.toString(),
                    new DeliveryFailed(delivery, id, "The parcel was lost in transit"));
            awaitStatus(id, OrderStatus.DELIVERY_FAILED);
            // the same event again, and a second report with a new id: the order has ended once
            events.send(Topics.DELIVERIES, delivery.toString(), SagaEvents.JSON.writeValueAsString(failed));
            events.send(Topics.DELIVERIES, delivery.toString(), new DeliveryFailed(delivery, id, "Lost again"));
            events.send(Topics.DELIVERIES, delivery.toString(), new DeliveryCompleted(delivery, id));

            List<JsonNode> announced = SagaEvents.next(published, id, 4);
            assertThat(announced).extracting(e -> e.get("eventType").asString())
                    .containsExactly("OrderPlaced", "OrderConfirmed", "OrderShipped", "OrderDeliveryFailed");
            assertThat(announced.get(3).at("/payload/reason").asString()).isEqualTo("The parcel was lost in transit");
            assertThat(announced.get(3).at("/payload/customerId").asString()).isEqualTo("customer-1");
        }
        UUID marker = place();
        events.send(Topics.PRODUCTS, marker.toString(), new StockReserved(marker));
        awaitStatus(marker, OrderStatus.CONFIRMED); // everything sent before it has been handled
        Order order = orders.findById(id).orElseThrow();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.DELIVERY_FAILED);
        assertThat(order.getTimeline()).extracting(StatusChange::status).containsExactly(OrderStatus.PENDING,
                OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERY_FAILED);
        assertThat(order.getTimeline().get(3).reason()).isEqualTo("The parcel was lost in transit");
        assertThat(order.getTimeline().get(2).reason()).isNull();
    }

    @Test
    void shouldRejectWhenProductsIsOutOfStock() {
        UUID id = place();
        try (Consumer<String, String> published = events.consumer(Topics.ORDERS)) {
            events.send(Topics.PRODUCTS, id.toString(), new ProductOutOfStock(id, List.of(1L)));
            awaitStatus(id, OrderStatus.REJECTED);
            JsonNode rejected = SagaEvents.next(published, id, 2).get(1);
            assertThat(rejected.get("eventType").asString()).isEqualTo("OrderRejected");
            assertThat(rejected.at("/payload/productIds/0").asLong()).isEqualTo(1);
        }
    }

    @Test
    void shouldApplyARedeliveredReplyOnce() {
        UUID id = place();
        EventEnvelope<Object> reserved = events.send(Topics.PRODUCTS, id.toString(), new StockReserved(id));
        awaitStatus(id, OrderStatus.CONFIRMED);
        events.send(Topics.PRODUCTS, id.toString(), SagaEvents.JSON.writeValueAsString(reserved));
        // a second reply with a new id, as a retrying producer would send: the order has moved on
        events.send(Topics.PRODUCTS, id.toString(), new StockReserved(id));
        UUID marker = place();
        events.send(Topics.PRODUCTS, marker.toString(), new StockReserved(marker));
        awaitStatus(marker, OrderStatus.CONFIRMED); // everything sent before it has been handled

        assertThat(orders.findById(id).orElseThrow().getTimeline()).extracting(StatusChange::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
    }

    @Test
    void shouldLeaveACancelledOrderCancelledWhenTheStockAnswerComesLate() {
        UUID id = place();
        service.cancel(id, new Caller("customer-1", false));
        events.send(Topics.PRODUCTS, id.toString(), new StockReserved(id));
        UUID marker = place();
        events.send(Topics.PRODUCTS, marker.toString(), new StockReserved(marker));
        awaitStatus(marker, OrderStatus.CONFIRMED);

        assertThat(orders.findById(id).orElseThrow().getStatus()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void shouldPutAPoisonMessageOnTheDeadLetterTopicAndGoOn() {
        double counted = deadLetters(Topics.PRODUCTS);
        try (Consumer<String, String> deadLetters = events.consumer(Topics.deadLetter(Topics.PRODUCTS))) {
            events.send(Topics.PRODUCTS, "poison-1", "{\"eventType\": \"StockReserved\"}");
            UUID id = place();
            events.send(Topics.PRODUCTS, id.toString(), new StockReserved(id));

            awaitStatus(id, OrderStatus.CONFIRMED);
            assertThat(KafkaTestClients.next(deadLetters, "poison-1", 1).get(0).value())
                    .isEqualTo("{\"eventType\": \"StockReserved\"}");
        }
        assertThat(deadLetters(Topics.PRODUCTS)).as("counted for the dashboard").isEqualTo(counted + 1);
        assertThat(deadLetters(Topics.DELIVERIES)).as("every consumed topic has its series from the start").isZero();
    }

    @Test
    void shouldKeepTheNewestProductVersionInTheReplica() {
        long id = 40 + (System.nanoTime() % 1000);
        events.send(Topics.PRODUCTS, String.valueOf(id), new ProductChanged(id, 3, "LAMP", 70_000, 5, false));
        events.send(Topics.PRODUCTS, String.valueOf(id), new ProductChanged(id, 2, "LAMP", 60_000, 6, false));
        await().atMost(Duration.ofSeconds(20)).until(() -> replica.find(id).isPresent());
        UUID marker = place();
        events.send(Topics.PRODUCTS, marker.toString(), new StockReserved(marker));
        awaitStatus(marker, OrderStatus.CONFIRMED);

        assertThat(replica.find(id).orElseThrow().product().price()).isEqualTo(70_000);
    }

    private double deadLetters(String consumedTopic) {
        return meters.get("twelvestreet.messaging.dead.letters").tag("topic", Topics.deadLetter(consumedTopic)).counter().count();
    }

    /** Reserved by products and picked up by the courier: the order SHIPPED; answers the delivery's id. */
    private UUID shipped(UUID id) {
        events.send(Topics.PRODUCTS, id.toString(), new StockReserved(id));
        awaitStatus(id, OrderStatus.CONFIRMED);
        UUID delivery = UUID.randomUUID();
        events.send(Topics.DELIVERIES, delivery.toString(), new DeliveryStarted(delivery, id));
        awaitStatus(id, OrderStatus.SHIPPED);
        return delivery;
    }

    private UUID place() {
        Order order = service.place(new OrderRequest("customer-1", Map.of(1L, 2), HOME, Optional.empty())).order();
        return order.getId();
    }

    private void awaitStatus(UUID id, OrderStatus status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> orders.findById(id).orElseThrow().getStatus() == status);
    }

}
