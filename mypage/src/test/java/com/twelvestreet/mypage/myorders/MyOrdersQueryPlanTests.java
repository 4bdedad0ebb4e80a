package com.twelvestreet.mypage.myorders;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.twelvestreet.mypage.MypageApiTest;

import static com.twelvestreet.platform.test.QueryPlans.explain;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of My Page reads the shopper's page and its own mileage entries through indexes, whatever the size of
 * the shop: PostgreSQL's plan for it on a ledger of 100,000 orders scans no table.
 */
@MypageApiTest
class MyOrdersQueryPlanTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldReadAPageThroughIndexesOnALargeShop() {
        String prefix = "plan-" + UUID.randomUUID() + "-";
        jdbc.sql("""
                insert into my_orders (order_id, customer_id, status, total_amount, placed_at, updated_at)
                select gen_random_uuid(), ? || (i % 50), 'DELIVERED', 10000, now() - i * interval '1 minute', now()
                from generate_series(1, 100000) i""").param(prefix).update();
        jdbc.sql("""
                insert into mileage_entries (customer_id, order_id, kind, amount, created_at)
                select customer_id, order_id, 'EARNED', 1000, placed_at from my_orders where customer_id like ?""")
                .param(prefix + "%").update();
        jdbc.sql("analyze my_orders").update();
        jdbc.sql("analyze mileage_entries").update();

        String plan = explain(jdbc, MyOrders.PAGE, prefix + "7", 20, 40L);

        assertThat(plan).as(plan).contains("Index Scan using my_orders_customer_idx",
                        "Index Scan using mileage_entries_order_id_kind_key")
                .doesNotContain("Seq Scan", "Join", "HashAggregate", "GroupAggregate");
    }
}
