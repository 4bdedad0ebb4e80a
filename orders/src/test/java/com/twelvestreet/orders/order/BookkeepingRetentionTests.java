package com.twelvestreet.orders.order;

import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.twelvestreet.orders.OrdersApiTest;
import com.twelvestreet.orders.support.ProductsStub;
import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.products.StockReserved;
import com.twelvestreet.platform.events.EventEnvelope;
import com.twelvestreet.platform.retention.Retention;
import com.twelvestreet.platform.retention.RetentionRule;
import com.twelvestreet.platform.test.SagaEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders' bookkeeping is removed past its retention (docs/retention.md), in batches, by one replica at a time,
 * and removing it never changes what a shopper gets: a key still answers its retries within its day, an event
 * redelivered after its id was forgotten still changes nothing.
 */
@OrdersApiTest
class BookkeepingRetentionTests {

    static final ShippingAddress HOME = new ShippingAddress("Kim", "04524", "12 Sejong-daero");

    @Autowired
    Retention retention;

    @Autowired
    OrderService service;

    @Autowired
    OrderRepository orders;

    @Autowired
    ProductsStub products;

    @Autowired
    SagaEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    List<RetentionRule> rules;

    @BeforeEach
    void catalogue() {
        products.reset();
        products.put(1, "TV", 10_000);
    }

    @Test
    void shouldAnswerRetriesWithinADayAndForgetTheKeyAfterIt() {
        String dayOld = "key-" + UUID.randomUUID();
        String fresh = "key-" + UUID.randomUUID();
        UUID first = place(dayOld).order().getId();
        UUID second = place(fresh).order().getId();
        jdbc.sql("update order_requests set created_at = now() - interval '25 hours' where idempotency_key = ?")
                .param(dayOld).update();

        assertThat(retention.runOnce()).hasValueSatisfying(removed -> assertThat(removed.get("order_requests")).isEqualTo(1));

        OrderService.Placement retried = place(fresh);
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.order().getId()).isEqualTo(second);
        OrderService.Placement afterADay = place(dayOld);
        assertThat(afterADay.replayed()).isFalse();
        assertThat(afterADay.order().getId()).isNotEqualTo(first);
        assertThat(orders.findById(first)).as("the order itself is kept").isPresent();
    }

    @Test
    void shouldRemoveOldEventIdsInBatchesAndKeepTheYoungerOnes() {
        jdbc.sql("""
                insert into processed_events (event_id, processed_at)
                select gen_random_uuid(), now() - interval '10 days' from generate_series(1, 2500)""").update();
        UUID younger = UUID.randomUUID();
        jdbc.sql("insert into processed_events (event_id, processed_at) values (?, now() - interval '8 days')")
                .param(younger).update();

        Map<String, Long> removed = retention.runOnce().orElseThrow();

        assertThat(removed.get("processed_events")).isEqualTo(2500); // three batches of at most 1,000
        assertThat(count("processed_events where processed_at < now() - interval '9 days'")).isZero();
        assertThat(count("processed_events where event_id = '" + younger + "'")).isEqualTo(1);
    }

    @Test
    void shouldChangeNothingWhenAnEventComesBackAfterItsIdWasForgotten() {
        UUID id = place(null).order().getId();
        EventEnvelope<Object> reserved = events.send(Topics.PRODUCTS, id.toString(), new StockReserved(id));
        awaitStatus(id, OrderStatus.CONFIRMED);
        jdbc.sql("update processed_events set processed_at = now() - interval '10 days' where event_id = ?")
                .param(reserved.eventId()).update();
        retention.runOnce();
        assertThat(count("processed_events where event_id = '" + reserved.eventId() + "'")).isZero();

        events.send(Topics.PRODUCTS, id.toString(), SagaEvents.JSON.writeValueAsString(reserved));
        UUID marker = place(null).order().getId();
        events.send(Topics.PRODUCTS, marker.toString(), new StockReserved(marker));
        awaitStatus(marker, OrderStatus.CONFIRMED); // everything sent before it has been handled

        assertThat(orders.findById(id).orElseThrow().getTimeline()).extracting(StatusChange::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
    }

    @Test
    void shouldLeaveTheRoundToTheReplicaThatHoldsIt() throws Exception {
        UUID old = UUID.randomUUID();
        jdbc.sql("insert into processed_events (event_id, processed_at) values (?, now() - interval '10 days')")
                .param(old).update();
        try (Connection otherReplica = dataSource.getConnection(); Statement lock = otherReplica.createStatement()) {
            lock.execute("select pg_advisory_lock(" + Retention.LOCK + ")");

            assertThat(retention.runOnce()).isEmpty();
            assertThat(count("processed_events where event_id = '" + old + "'")).isEqualTo(1);

            lock.execute("select pg_advisory_unlock(" + Retention.LOCK + ")");
        }
        assertThat(retention.runOnce()).isPresent();
        assertThat(count("processed_events where event_id = '" + old + "'")).isZero();
    }

    @Test
    void shouldFindExpiredRowsThroughTheirIndexesOnLargeTables() {
        // as retention keeps them: 200,000 handled events over nine and a half days (a day old and more, so the
        // clean-up below spares this context's own), 50,000 idempotency keys over 25 hours; a few of each expired
        jdbc.sql("""
                insert into processed_events (event_id, processed_at)
                select gen_random_uuid(), now() - interval '1 day' - (i % 734400) * interval '1 second'
                from generate_series(1, 200000) i""").update();
        UUID order = place(null).order().getId();
        jdbc.sql("""
                insert into order_requests (customer_id, idempotency_key, fingerprint, order_id, created_at)
                select 'plan-' || (i % 1000), 'key-' || i, repeat('0', 64), ?, now() - (i % 90000) * interval '1 second'
                from generate_series(1, 50000) i""").param(order).update();
        jdbc.sql("analyze processed_events").update();
        jdbc.sql("analyze order_requests").update();

        try {
            for (RetentionRule rule : rules) {
                String plan = String.join("\n", jdbc.sql("explain " + rule.deleteBatch())
                        .param(Timestamp.from(Instant.now().minus(rule.keep()))).param(1000)
                        .query(String.class).list());
                assertThat(plan).as(rule.table() + ":\n" + plan)
                        .containsPattern("(Index (Only )?Scan using|Bitmap Index Scan on) " + rule.table() + "_by_age_idx")
                        .contains("Tid Scan on " + rule.table())
                        .doesNotContain("Seq Scan");
            }
        }
        finally {
            // the other tests expect small tables; no handled event of this context is a day old
            jdbc.sql("delete from processed_events where processed_at < now() - interval '1 day'").update();
            jdbc.sql("delete from order_requests where customer_id like 'plan-%'").update();
        }
    }

    private OrderService.Placement place(String idempotencyKey) {
        return service.place(new OrderRequest("customer-retention", Map.of(1L, 1), HOME,
                Optional.ofNullable(idempotencyKey)));
    }

    private long count(String from) {
        return jdbc.sql("select count(*) from " + from).query(Long.class).single();
    }

    private void awaitStatus(UUID id, OrderStatus status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> orders.findById(id).orElseThrow().getStatus() == status);
    }
}
