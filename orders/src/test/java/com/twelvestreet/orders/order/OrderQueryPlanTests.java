package com.twelvestreet.orders.order;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.twelvestreet.orders.OrdersApiTest;

import static com.twelvestreet.platform.test.QueryPlans.assertReadsIndex;
import static com.twelvestreet.platform.test.QueryPlans.explain;
import static com.twelvestreet.platform.test.QueryPlans.inRolledBackTransaction;

/**
 * The order queries that run per request or per scrape (as Spring Data derives them from {@link OrderRepository})
 * read indexes whatever the shop's age: on 200,000 finished orders, the gauges of orders in flight and of stuck
 * orders read only the orders in flight, and a shopper's page only that shopper's orders.
 */
@OrdersApiTest
class OrderQueryPlanTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldReadOrdersInFlightAndAShoppersOrdersThroughIndexesOnLargeTables() {
        inRolledBackTransaction(transactions, () -> {
            jdbc.sql("""
                    insert into orders (id, customer_id, status, total_amount, created_at, updated_at)
                    select lpad(to_hex(i), 32, '0')::uuid, 'plan-' || (i / 100),
                        (array['DELIVERED', 'DELIVERED', 'DELIVERED', 'CANCELLED', 'REJECTED'])[1 + i % 5], 1000,
                        now() - i * interval '30 seconds', now() - i * interval '30 seconds'
                    from generate_series(1, 200000) i""").update();
            jdbc.sql("""
                    insert into orders (id, customer_id, status, total_amount, created_at, updated_at)
                    select gen_random_uuid(), 'plan-' || i, (array['PENDING', 'CONFIRMED', 'SHIPPED'])[1 + i % 3], 1000,
                        now() - i * interval '1 second', now() - i * interval '1 second'
                    from generate_series(1, 1500) i""").update();
            jdbc.sql("analyze orders").update();
            Timestamp twoMinutesAgo = Timestamp.from(Instant.now().minusSeconds(120));

            for (OrderStatus state : OrderStatus.values()) {
                if (!state.isFinal()) {
                    assertReadsIndex(explain(jdbc, "select count(*) from orders where status = ?", state.name()),
                            "orders_status_idx");
                }
            }
            assertReadsIndex(explain(jdbc, "select count(*) from orders where status = ? and updated_at < ?", "PENDING",
                    twoMinutesAgo), "orders_status_idx");
            assertReadsIndex(explain(jdbc, "select * from orders where status = ? and updated_at < ? order by updated_at"
                    + " limit ?", "PENDING", twoMinutesAgo, 50), "orders_status_idx");
            assertReadsIndex(explain(jdbc, "select * from orders where customer_id = ? order by created_at desc, id"
                    + " limit ?", "plan-7", 20), "orders_customer_idx");
            assertReadsIndex(explain(jdbc, "select count(*) from orders where customer_id = ?", "plan-7"),
                    "orders_customer_idx");
        });
    }
}
