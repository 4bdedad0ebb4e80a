package com.twelvestreet.mypage;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.orders.OrderCancelled;
import com.twelvestreet.platform.contracts.orders.OrderDeliveryFailed;
import com.twelvestreet.platform.contracts.orders.DeliveryAddress;
import com.twelvestreet.platform.contracts.orders.OrderConfirmed;
import com.twelvestreet.platform.contracts.orders.OrderDelivered;
import com.twelvestreet.platform.contracts.orders.OrderLine;
import com.twelvestreet.platform.contracts.orders.OrderPlaced;
import com.twelvestreet.platform.contracts.orders.OrderRejected;
import com.twelvestreet.platform.contracts.orders.OrderShipped;
import com.twelvestreet.platform.events.EventEnvelope;
import com.twelvestreet.platform.test.KafkaTestClients;
import com.twelvestreet.platform.test.SagaEvents;
import com.twelvestreet.platform.test.TestJwtIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** My Page built from order events on a real broker: the timeline, the mileage ledger, and whose page it is. */
@MypageApiTest
class MyPageTests {

    static final DeliveryAddress HOME = new DeliveryAddress("Alice Kim", "04524", "12 Sejong-daero");

    final String alice = "alice-" + UUID.randomUUID();

    @Autowired
    RestTestClient http;

    @Autowired
    TestJwtIssuer issuer;

    @Autowired
    SagaEvents events;

    @Test
    void shouldShowTheTimelineAndTenPercentMileageOfADeliveredOrder() {
        UUID order = place(alice, 55_000);
        send(order, new OrderConfirmed(order, alice, 55_000, HOME));
        send(order, new OrderShipped(order, alice));
        send(order, new OrderDelivered(order, alice));

        JsonNode mine = awaitOrder(alice, order, "DELIVERED");
        assertThat(mine.get("timeline")).extracting(step -> step.get("status").asString())
                .containsExactly("PENDING", "CONFIRMED", "SHIPPED", "DELIVERED");
        assertThat(mine.get("items").get(0).get("productName").asString()).isEqualTo("TV");
        assertThat(mine.get("mileage").asLong()).isEqualTo(5_500);
        JsonNode mileage = mileage(alice);
        assertThat(mileage.get("balance").asLong()).isEqualTo(5_500);
        assertThat(mileage.get("percent").asInt()).isEqualTo(10);
    }

    @Test
    void shouldEarnNothingOnARejectedOrder() {
        UUID order = place(alice, 30_000);
        send(order, new OrderRejected(order, alice, List.of(1L)));
        awaitOrder(alice, order, "REJECTED");
        assertThat(mileage(alice).get("balance").asLong()).isZero();
    }

    @Test
    void shouldEarnOnceAndReverseOnceHoweverOftenEventsArrive() {
        UUID order = place(alice, 20_000);
        EventEnvelope<Object> confirmed = send(order, new OrderConfirmed(order, alice, 20_000, HOME));
        events.send(Topics.ORDERS, order.toString(), SagaEvents.JSON.writeValueAsString(confirmed)); // redelivery
        send(order, new OrderConfirmed(order, alice, 20_000, HOME)); // the same fact under a new event id
        awaitOrder(alice, order, "CONFIRMED");
        send(order, new OrderCancelled(order, alice));
        send(order, new OrderCancelled(order, alice));
        awaitOrder(alice, order, "CANCELLED");
        awaitQuiet(alice);

        JsonNode mileage = mileage(alice);
        assertThat(mileage.get("balance").asLong()).isZero();
        assertThat(mileage.get("history")).extracting(entry -> entry.get("kind").asString() + " " + entry.get("amount").asLong())
                .containsExactlyInAnyOrder("EARNED 2000", "REVERSED -2000");
    }

    @Test
    void shouldShowWhyADeliveryFailedAndTakeItsMileageBackOnce() {
        UUID order = place(alice, 40_000);
        send(order, new OrderConfirmed(order, alice, 40_000, HOME));
        send(order, new OrderShipped(order, alice));
        EventEnvelope<Object> failed = send(order, new OrderDeliveryFailed(order, alice, "The parcel was lost in transit"));
        events.send(Topics.ORDERS, order.toString(), SagaEvents.JSON.writeValueAsString(failed)); // redelivery
        send(order, new OrderDeliveryFailed(order, alice, "The parcel was lost in transit")); // a new event id

        JsonNode mine = awaitOrder(alice, order, "DELIVERY_FAILED");
        awaitQuiet(alice);
        mine = find(page(alice), order);
        assertThat(mine.get("timeline")).extracting(step -> step.get("status").asString())
                .containsExactly("PENDING", "CONFIRMED", "SHIPPED", "DELIVERY_FAILED");
        assertThat(mine.get("timeline").get(3).get("reason").asString()).isEqualTo("The parcel was lost in transit");
        assertThat(mine.get("timeline").get(2).get("reason").isNull()).isTrue();
        assertThat(mine.get("mileage").asLong()).as("earned and taken back").isZero();
        JsonNode mileage = mileage(alice);
        assertThat(mileage.get("balance").asLong()).isZero();
        assertThat(mileage.get("history")).extracting(entry -> entry.get("kind").asString() + " " + entry.get("amount").asLong())
                .containsExactlyInAnyOrder("EARNED 4000", "REVERSED -4000");
    }

    @Test
    void shouldCountEachOrderOnceHoweverOftenItIsAnnounced() {
        UUID order = UUID.randomUUID();
        OrderPlaced placed = new OrderPlaced(order, alice, List.of(new OrderLine(1, 1, 5_000, "LAMP")), 5_000);
        EventEnvelope<Object> announced = send(order, placed);
        events.send(Topics.ORDERS, order.toString(), SagaEvents.JSON.writeValueAsString(announced)); // redelivery
        send(order, placed); // the same fact under a new event id
        place(alice, 7_000);
        awaitQuiet(alice);

        assertThat(page(alice).get("totalItems").asLong()).isEqualTo(3);
        assertThat(page("bob-" + UUID.randomUUID()).get("totalItems").asLong()).isZero();
    }

    @Test
    void shouldReverseNothingForAnOrderCancelledWhilePending() {
        UUID order = place(alice, 20_000);
        send(order, new OrderCancelled(order, alice));
        awaitOrder(alice, order, "CANCELLED");
        awaitQuiet(alice);
        assertThat(mileage(alice).get("history")).isEmpty();
    }

    @Test
    void shouldShowEachShopperOnlyTheirOwnPage() {
        UUID order = place(alice, 10_000);
        send(order, new OrderConfirmed(order, alice, 10_000, HOME));
        awaitOrder(alice, order, "CONFIRMED");

        JsonNode bobs = page("bob-" + UUID.randomUUID());
        assertThat(bobs.get("items")).isEmpty();
        http.get().uri("/api/mypage/orders").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/mypage/mileage?limit=0").headers(h -> h.setBearerAuth(issuer.token(alice, "CUSTOMER")))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void shouldPutAPoisonMessageOnTheDeadLetterTopicAndGoOn() {
        try (var deadLetters = events.consumer(Topics.deadLetter(Topics.ORDERS))) {
            events.send(Topics.ORDERS, "poison-1", "{\"eventId\": \"nope\"}");
            awaitOrder(alice, place(alice, 10_000), "PENDING");
            assertThat(KafkaTestClients.next(deadLetters, "poison-1", 1)).hasSize(1);
        }
    }

    private UUID place(String customer, long amount) {
        UUID order = UUID.randomUUID();
        send(order, new OrderPlaced(order, customer, List.of(new OrderLine(1, 1, amount, "TV")), amount));
        return order;
    }

    private EventEnvelope<Object> send(UUID order, Object event) {
        return events.send(Topics.ORDERS, order.toString(), event);
    }

    /** A marker order for the shopper is visible: everything sent before it has been applied. */
    private void awaitQuiet(String customer) {
        awaitOrder(customer, place(customer, 1_000), "PENDING");
    }

    private JsonNode awaitOrder(String customer, UUID order, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> find(page(customer), order), found -> found != null && status.equals(found.get("status").asString()));
    }

    private static JsonNode find(JsonNode page, UUID order) {
        for (JsonNode item : page.get("items")) {
            if (item.get("orderId").asString().equals(order.toString())) {
                return item;
            }
        }
        return null;
    }

    private JsonNode page(String customer) {
        return http.get().uri("/api/mypage/orders?size=100").headers(h -> h.setBearerAuth(issuer.token(customer, "CUSTOMER")))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode mileage(String customer) {
        return http.get().uri("/api/mypage/mileage").headers(h -> h.setBearerAuth(issuer.token(customer, "CUSTOMER")))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
