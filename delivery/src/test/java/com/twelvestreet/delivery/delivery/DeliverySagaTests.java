package com.twelvestreet.delivery.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.delivery.DeliveryApiTest;
import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.orders.OrderCancelled;
import com.twelvestreet.platform.contracts.orders.DeliveryAddress;
import com.twelvestreet.platform.contracts.orders.OrderConfirmed;
import com.twelvestreet.platform.events.EventEnvelope;
import com.twelvestreet.platform.test.KafkaTestClients;
import com.twelvestreet.platform.test.SagaEvents;
import com.twelvestreet.platform.test.TestJwtIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Deliveries from order events on a real broker, moved by the courier and by operators, read by their owners. */
@DeliveryApiTest
class DeliverySagaTests {

    static final DeliveryAddress HOME = new DeliveryAddress("Alice Kim", "04524", "12 Sejong-daero");

    final String alice = "alice-" + UUID.randomUUID();

    @Autowired
    RestTestClient http;

    @Autowired
    TestJwtIssuer issuer;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SagaEvents events;

    @Autowired
    Courier courier;

    @Test
    void shouldScheduleOneDeliveryPerConfirmedOrderHoweverOftenItIsAnnounced() {
        UUID order = UUID.randomUUID();
        EventEnvelope<Object> confirmed = events.send(Topics.ORDERS, order.toString(), new OrderConfirmed(order, alice, 20_000, HOME));
        events.send(Topics.ORDERS, order.toString(), SagaEvents.JSON.writeValueAsString(confirmed));
        events.send(Topics.ORDERS, order.toString(), new OrderConfirmed(order, alice, 20_000, HOME));
        Delivery delivery = awaitDelivery(order);
        awaitHandled(UUID.randomUUID());

        assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.READY);
        assertThat(delivery.getCustomerId()).isEqualTo(alice);
        assertThat(jdbc.sql("select count(*) from deliveries where order_id = ?").param(order).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void shouldLetTheCourierPickUpAndHandOverWhenTheirTimeComes() {
        UUID order = UUID.randomUUID();
        UUID id = awaitDelivery(confirm(order)).getId();
        try (Consumer<String, String> published = events.consumer(Topics.DELIVERIES)) {
            due(id);
            await().atMost(Duration.ofSeconds(10)).until(() -> status(id) == DeliveryStatus.SHIPPING);
            due(id);
            await().atMost(Duration.ofSeconds(10)).until(() -> status(id) == DeliveryStatus.DELIVERED);

            List<JsonNode> announced = SagaEvents.next(published, id, 2);
            assertThat(announced).extracting(e -> e.get("eventType").asString())
                    .containsExactly("DeliveryStarted", "DeliveryCompleted");
            assertThat(announced.get(0).at("/payload/orderId").asString()).isEqualTo(order.toString());
        }
    }

    @Test
    void shouldLetTheCourierCatchUpWithEveryDueDeliveryInOneRound() {
        // twelve batches of the default 50; the courier used to take one batch per one-second round
        jdbc.sql("""
                insert into deliveries (id, order_id, customer_id, status, next_step_at, created_at, updated_at, version,
                                        recipient, postal_code, address_line)
                select gen_random_uuid(), gen_random_uuid(), ?, 'READY', now() - interval '1 second', now(), now(), 0,
                       'Alice Kim', '04524', '12 Sejong-daero'
                from generate_series(1, 600)""").param(alice).update();

        courier.round();

        // the scheduled round may still be finishing a batch it had locked when this one ran out of rows
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(jdbc.sql(
                "select status, count(*) from deliveries where customer_id = ? group by status").param(alice)
                .query((row, n) -> row.getString(1) + "=" + row.getInt(2)).list()).containsExactly("SHIPPING=600"));
        // their 600 DeliveryStarted events on the broker before the next test listens to the topic
        await().atMost(Duration.ofSeconds(20)).until(
                () -> jdbc.sql("select count(*) from event_publication").query(Integer.class).single() == 0);
    }

    @Test
    void shouldCancelADeliveryNotYetHandedOverOnce() {
        UUID order = UUID.randomUUID();
        UUID id = awaitDelivery(confirm(order)).getId();
        try (Consumer<String, String> published = events.consumer(Topics.DELIVERIES)) {
            events.send(Topics.ORDERS, order.toString(), new OrderCancelled(order, alice));
            events.send(Topics.ORDERS, order.toString(), new OrderCancelled(order, alice));
            await().atMost(Duration.ofSeconds(20)).until(() -> status(id) == DeliveryStatus.CANCELLED);
            awaitHandled(UUID.randomUUID());

            assertThat(SagaEvents.next(published, id, 1)).extracting(e -> e.get("eventType").asString())
                    .containsExactly("DeliveryCancelled");
            assertThat(published.poll(Duration.ofSeconds(1))).isEmpty();
        }
        advance(id).expectStatus().isEqualTo(409);
    }

    @Test
    void shouldLetOperatorsAdvanceAndFailDeliveries() {
        UUID id = awaitDelivery(confirm(UUID.randomUUID())).getId();
        advance(id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SHIPPING");
        advance(id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DELIVERED");
        advance(id).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        UUID other = awaitDelivery(confirm(UUID.randomUUID())).getId();
        fail(other, "{\"reason\": \" \"}").expectStatus().isBadRequest();
        fail(other, "{\"reason\": \"parcel lost\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("FAILED")
                .jsonPath("$.failureReason").isEqualTo("parcel lost");

        http.post().uri("/api/admin/deliveries/{id}/advance", other)
                .headers(h -> h.setBearerAuth(issuer.token(alice, "CUSTOMER"))).exchange()
                .expectStatus().isForbidden();
        advance(UUID.randomUUID()).expectStatus().isNotFound();
    }

    @Test
    void shouldListTheDeliveriesUnderWayForOperatorsOnly() {
        UUID ready = awaitDelivery(confirm(UUID.randomUUID())).getId();
        UUID shipping = awaitDelivery(confirm(UUID.randomUUID())).getId();
        advance(shipping).expectStatus().isOk();
        UUID failed = awaitDelivery(confirm(UUID.randomUUID())).getId();
        fail(failed, "{\"reason\": \"parcel lost\"}").expectStatus().isOk();
        // their next steps ahead of the other tests' deliveries (an hour away), still not due for the courier
        jdbc.sql("update deliveries set next_step_at = now() + interval '1 minute' where id in (?, ?)")
                .params(ready, shipping).update();

        String underWay = http.get().uri("/api/admin/deliveries?limit=2").headers(h -> h.setBearerAuth(issuer.token("ops", "ADMIN")))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(underWay).contains(ready.toString(), shipping.toString()).doesNotContain(failed.toString());
        http.get().uri("/api/admin/deliveries").headers(h -> h.setBearerAuth(issuer.token(alice, "CUSTOMER")))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/admin/deliveries?limit=0").headers(h -> h.setBearerAuth(issuer.token("ops", "ADMIN")))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void shouldShowADeliveryOnlyToItsOwner() {
        UUID order = UUID.randomUUID();
        UUID id = awaitDelivery(confirm(order)).getId();

        http.get().uri("/api/deliveries?orderId={order}", order).headers(h -> h.setBearerAuth(issuer.token(alice, "CUSTOMER")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(id.toString())
                .jsonPath("$.items[0].destination.recipient").isEqualTo("Alice Kim")
                .jsonPath("$.items[0].status").isEqualTo("READY");
        http.get().uri("/api/deliveries").headers(h -> h.setBearerAuth(issuer.token(alice, "CUSTOMER")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
        http.get().uri("/api/deliveries?orderId={order}", order).headers(h -> h.setBearerAuth(issuer.token("mallory", "CUSTOMER")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        http.get().uri("/api/deliveries?orderId={order}", order).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/deliveries?orderId=not-a-uuid").headers(h -> h.setBearerAuth(issuer.token(alice, "CUSTOMER")))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void shouldPutAPoisonMessageOnTheDeadLetterTopicAndGoOn() {
        try (Consumer<String, String> deadLetters = events.consumer(Topics.deadLetter(Topics.ORDERS))) {
            events.send(Topics.ORDERS, "poison-1", "not json at all");
            awaitDelivery(confirm(UUID.randomUUID()));
            assertThat(KafkaTestClients.next(deadLetters, "poison-1", 1).get(0).value()).isEqualTo("not json at all");
        }
    }

    private UUID confirm(UUID order) {
        events.send(Topics.ORDERS, order.toString(), new OrderConfirmed(order, alice, 20_000, HOME));
        return order;
    }

    private Delivery awaitDelivery(UUID order) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> deliveries.findByOrderId(order).isPresent());
        return deliveries.findByOrderId(order).orElseThrow();
    }

    /** Sends a marker order and waits for it: everything sent before has been handled. */
    private void awaitHandled(UUID marker) {
        awaitDelivery(confirm(marker));
    }

    private void due(UUID id) {
        jdbc.sql("update deliveries set next_step_at = ? where id = ?")
                .param(Timestamp.from(Instant.now().minusSeconds(1))).param(id).update();
    }

    private DeliveryStatus status(UUID id) {
        return deliveries.findById(id).orElseThrow().getStatus();
    }

    private RestTestClient.ResponseSpec advance(UUID id) {
        return http.post().uri("/api/admin/deliveries/{id}/advance", id)
                .headers(h -> h.setBearerAuth(issuer.token("ops", "ADMIN"))).exchange();
    }

    private RestTestClient.ResponseSpec fail(UUID id, String body) {
        return http.post().uri("/api/admin/deliveries/{id}/fail", id).headers(h -> h.setBearerAuth(issuer.token("ops", "ADMIN")))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
