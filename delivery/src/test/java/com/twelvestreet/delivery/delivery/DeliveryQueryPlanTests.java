package com.twelvestreet.delivery.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.twelvestreet.delivery.DeliveryApiTest;

import static com.twelvestreet.platform.test.QueryPlans.assertReadsIndex;
import static com.twelvestreet.platform.test.QueryPlans.explain;
import static com.twelvestreet.platform.test.QueryPlans.inRolledBackTransaction;

/**
 * The courier's round (every few hundred milliseconds), an event's delivery lookup and a shopper's deliveries, as
 * {@link DeliveryRepository} asks for them, read indexes on 200,000 completed deliveries: the round reads only the
 * deliveries that have a next step.
 */
@DeliveryApiTest
class DeliveryQueryPlanTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldReadDueDeliveriesAndOneOrdersDeliveryThroughIndexesOnLargeTables() {
        inRolledBackTransaction(transactions, () -> {
            jdbc.sql("""
                    insert into deliveries (id, order_id, customer_id, status, created_at, completed_at, updated_at)
                    select lpad(to_hex(i), 32, '0')::uuid, ('10000000' || lpad(to_hex(i), 24, '0'))::uuid, 'plan-' || (i / 100), 'DELIVERED',
                        now() - i * interval '30 seconds', now() - i * interval '30 seconds', now() - i * interval '30 seconds'
                    from generate_series(1, 200000) i""").update();
            jdbc.sql("""
                    insert into deliveries (id, order_id, customer_id, status, next_step_at, created_at, updated_at)
                    select gen_random_uuid(), gen_random_uuid(), 'plan-' || i, 'SHIPPING',
                        now() + (i % 60 - 30) * interval '1 second', now(), now()
                    from generate_series(1, 1500) i""").update();
            jdbc.sql("analyze deliveries").update();

            assertReadsIndex(explain(jdbc, "select * from deliveries where next_step_at <= ? order by next_step_at limit ?"
                    + " for update skip locked", Timestamp.from(Instant.now()), 100), "deliveries_due_idx");
            assertReadsIndex(explain(jdbc, "select * from deliveries where order_id = ?", UUID.randomUUID()),
                    "deliveries_order_id_key");
            assertReadsIndex(explain(jdbc, "select * from deliveries where customer_id = ? order by created_at desc limit ?",
                    "plan-7", 20), "deliveries_customer_idx");
        });
    }
}
