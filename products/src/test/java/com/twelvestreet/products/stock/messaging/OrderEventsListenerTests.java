package com.twelvestreet.products.stock.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.orders.DeliveryAddress;
import com.twelvestreet.platform.contracts.orders.OrderCancelled;
import com.twelvestreet.platform.contracts.orders.OrderConfirmed;
import com.twelvestreet.platform.contracts.orders.OrderDelivered;
import com.twelvestreet.platform.contracts.orders.OrderDeliveryFailed;
import com.twelvestreet.platform.contracts.orders.OrderLine;
import com.twelvestreet.platform.contracts.orders.OrderPlaced;
import com.twelvestreet.platform.events.EventEnvelope;
import com.twelvestreet.platform.events.OutboxRelay;
import com.twelvestreet.platform.retention.Retention;
import com.twelvestreet.products.ProductsApiTest;
import com.twelvestreet.products.product.ProductCatalog;
import com.twelvestreet.products.product.ProductDetails;
import com.twelvestreet.platform.test.KafkaTestClients;

import static org.assertj.core.api.Assertions.assertThat;

/** Order events over a real broker: reserve, release, settle, redelivery, poison messages; the reservations' retention. */
@ProductsApiTest
class OrderEventsListenerTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Retention retention;

    Producer<String, String> producer;

    @BeforeEach
    void connect() {
        producer = KafkaTestClients.producer(broker.getBrokersAsString());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void shouldReserveOnOrderPlacedAnswerStockReservedAndReleaseOnCancel() throws Exception {
        long tv = catalog.create(new ProductDetails("TV", "", 10_000, 5)).getId();
        UUID orderId = UUID.randomUUID();
        try (Consumer<String, String> products = consumer(Topics.PRODUCTS)) {
            send(orderId, new OrderPlaced(orderId, "customer-1", List.of(new OrderLine(tv, 2, 10_000, "PRODUCT")), 20_000));

            waitUntil(() -> stock(tv) == 3);
            assertThat(valuesFor(products, orderId.toString(), 1).get(0)).contains("\"eventType\":\"StockReserved\"");

            send(orderId, new OrderCancelled(orderId, "customer-1"));
            waitUntil(() -> stock(tv) == 5);
            assertThat(valuesFor(products, orderId.toString(), 1).get(0)).contains("\"eventType\":\"StockReleased\"");
        }
    }

    @Test
    void shouldPutTheStockOfAnOrderWhoseDeliveryFailedBackOnTheShelfOnce() throws Exception {
        long kettle = catalog.create(new ProductDetails("KETTLE", "", 25_000, 5)).getId();
        UUID orderId = UUID.randomUUID();
        try (Consumer<String, String> products = consumer(Topics.PRODUCTS)) {
            send(orderId, new OrderPlaced(orderId, "customer-1", List.of(new OrderLine(kettle, 2, 25_000, "PRODUCT")), 50_000));
            waitUntil(() -> stock(kettle) == 3);
            sendAsTheRelayDoes(EventEnvelope.of(orderId.toString(),
                    new OrderDeliveryFailed(orderId, "customer-1", "Parcel lost"), Instant.now()));
            waitUntil(() -> stock(kettle) == 5);
            assertThat(valuesFor(products, orderId.toString(), 2).get(1)).contains("\"eventType\":\"StockReleased\"");

            // a second report, and a cancel that should never come: the two units went back once
            send(orderId, new OrderDeliveryFailed(orderId, "customer-1", "Parcel lost"));
            send(orderId, new OrderCancelled(orderId, "customer-1"));
            UUID marker = UUID.randomUUID();
            send(marker, new OrderPlaced(marker, "customer-1", List.of(new OrderLine(kettle, 1, 25_000, "PRODUCT")), 25_000));
            waitUntil(() -> "RESERVED".equals(reservation(marker))); // everything sent before it has been handled
            assertThat(stock(kettle)).isEqualTo(4);
            assertThat(reservation(orderId)).isEqualTo("RELEASED");
        }
    }

    @Test
    void shouldApplyARedeliveredEventOnce() throws Exception {
        long mask = catalog.create(new ProductDetails("MASK", "", 20_000, 10)).getId();
        UUID orderId = UUID.randomUUID();
        EventEnvelope<OrderPlaced> placed = EventEnvelope.of(orderId.toString(),
                new OrderPlaced(orderId, "customer-1", List.of(new OrderLine(mask, 3, 20_000, "PRODUCT")), 60_000), Instant.now());

        send(orderId.toString(), JSON.writeValueAsString(placed));
        send(orderId.toString(), JSON.writeValueAsString(placed));
        waitUntil(() -> processed(placed.eventId()));
        Thread.sleep(1_000);

        assertThat(stock(mask)).isEqualTo(7);
    }

    @Test
    void shouldSkipOrderEventsItDoesNotActOnWithoutRecordingThem() throws Exception {
        long lamp = catalog.create(new ProductDetails("LAMP", "", 8_000, 6)).getId();
        UUID orderId = UUID.randomUUID();
        EventEnvelope<OrderConfirmed> confirmed = EventEnvelope.of(orderId.toString(), new OrderConfirmed(orderId, "customer-1", 8_000,
                new DeliveryAddress("Kim", "04524", "12 Street 1")), Instant.now());
        EventEnvelope<OrderPlaced> placed = EventEnvelope.of(orderId.toString(),
                new OrderPlaced(orderId, "customer-1", List.of(new OrderLine(lamp, 1, 8_000, "PRODUCT")), 8_000), Instant.now());

        sendAsTheRelayDoes(confirmed);
        sendAsTheRelayDoes(placed);
        waitUntil(() -> processed(placed.eventId()));

        assertThat(stock(lamp)).isEqualTo(5);
        assertThat(processed(confirmed.eventId())).as("the confirmation was skipped, not processed").isFalse();
    }

    @Test
    void shouldKeepAReservationUntilItsOrderIsDeliveredAndThenOnlyAsLongAsItsEventsCanComeBack() throws Exception {
        long vase = catalog.create(new ProductDetails("VASE", "", 9_000, 5)).getId();
        UUID delivered = UUID.randomUUID(), waiting = UUID.randomUUID();
        send(delivered, new OrderPlaced(delivered, "customer-1", List.of(new OrderLine(vase, 2, 9_000, "PRODUCT")), 18_000));
        send(waiting, new OrderPlaced(waiting, "customer-1", List.of(new OrderLine(vase, 1, 9_000, "PRODUCT")), 9_000));
        send(delivered, new OrderDelivered(delivered, "customer-1"));
        waitUntil(() -> "DELIVERED".equals(reservation(delivered)) && "RESERVED".equals(reservation(waiting)));
        jdbc.sql("update stock_reservations set updated_at = now() - interval '10 days' where order_id in (?, ?)")
                .params(delivered, waiting).update();

        retention.runOnce();

        assertThat(reservation(delivered)).as("settled and past its retention").isNull();
        assertThat(reservation(waiting)).as("still cancellable, however old").isEqualTo("RESERVED");
        send(waiting, new OrderCancelled(waiting, "customer-1"));
        waitUntil(() -> stock(vase) == 3); // the cancel still gives its unit back; the delivered two stay sold
    }

    @Test
    void shouldPutAPoisonMessageOnTheDeadLetterTopicAndGoOn() throws Exception {
        long clock = catalog.create(new ProductDetails("CLOCK", "", 50_000, 4)).getId();
        try (Consumer<String, String> deadLetters = consumer(Topics.deadLetter(Topics.ORDERS))) {
            send("poison-1", "{ this is not an event");
            UUID orderId = UUID.randomUUID();
            send(orderId, new OrderPlaced(orderId, "customer-1", List.of(new OrderLine(clock, 1, 50_000, "PRODUCT")), 50_000));

            assertThat(valuesFor(deadLetters, "poison-1", 1).get(0)).isEqualTo("{ this is not an event");
            waitUntil(() -> stock(clock) == 3); // the next message is still handled
        }
    }

    private void send(UUID orderId, Object event) throws Exception {
        send(orderId.toString(), JSON.writeValueAsString(EventEnvelope.of(orderId.toString(), event, Instant.now())));
    }

    /** With the eventType header, as every service's outbox relay sends its events. */
    private void sendAsTheRelayDoes(EventEnvelope<?> event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORDERS, event.aggregateId(), JSON.writeValueAsString(event));
        record.headers().add(OutboxRelay.EVENT_TYPE_HEADER, event.eventType().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ORDERS, key, value)).get();
    }

    private Consumer<String, String> consumer(String topic) {
        return KafkaTestClients.consumer(broker.getBrokersAsString(), topic);
    }

    private static List<String> valuesFor(Consumer<String, String> consumer, String key, int count) {
        return KafkaTestClients.next(consumer, key, count).stream().map(ConsumerRecord::value).toList();
    }

    private int stock(long productId) {
        return jdbc.sql("select stock from products where id = ?").param(productId).query(Integer.class).single();
    }

    private String reservation(UUID orderId) {
        return jdbc.sql("select status from stock_reservations where order_id = ?").param(orderId)
                .query(String.class).optional().orElse(null);
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("select count(*) from processed_events where event_id = ?").param(eventId)
                .query(Integer.class).single() == 1;
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
