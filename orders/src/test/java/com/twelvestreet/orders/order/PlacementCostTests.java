package com.twelvestreet.orders.order;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.twelvestreet.orders.OrdersApiTest;
import com.twelvestreet.orders.catalog.ProductLookup;
import com.twelvestreet.orders.support.ProductsStub;
import com.twelvestreet.orders.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one order placement costs, kept from growing back: no thread started per products lookup, and a
 * fixed, small number of SQL statements (docs/benchmarks.md, "Where the CPU of an order went").
 */
@OrdersApiTest
class PlacementCostTests {

    private static final long PRODUCT = 31;

    @Autowired
    OrderService orders;

    @Autowired
    ProductLookup lookup;

    @Autowired
    ProductsStub products;

    @Autowired
    SqlStatements sql;

    @BeforeEach
    void catalogue() {
        products.reset();
        products.put(PRODUCT, "LAMP", 12_000);
    }

    @Test
    void shouldNotStartAThreadPerProductsLookup() {
        for (int warm = 0; warm < 20; warm++) {
            lookup.find(PRODUCT);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startedBefore = threads.getTotalStartedThreadCount();

        for (int call = 0; call < 200; call++) {
            lookup.find(PRODUCT);
        }

        assertThat(threads.getTotalStartedThreadCount() - startedBefore)
                .as("threads started during 200 products lookups").isLessThan(10);
    }

    @Test
    void shouldPlaceAnOrderWithAFewStatements() {
        orders.place(request(Optional.empty())); // the first placement of a context prepares more

        List<String> withoutKey = sql.sentBy(() -> orders.place(request(Optional.empty())));
        List<String> withKey = sql.sentBy(() -> orders.place(request(Optional.of(UUID.randomUUID().toString()))));

        // the order, its item, its first status change, the outbox row; with a key, the key's lookup and row
        assertThat(withoutKey).as(String.join("\n", withoutKey)).hasSizeLessThanOrEqualTo(4);
        assertThat(withKey).as(String.join("\n", withKey)).hasSizeLessThanOrEqualTo(6);
    }

    private static OrderRequest request(Optional<String> idempotencyKey) {
        return new OrderRequest("customer-cost", Map.of(PRODUCT, 1),
                new ShippingAddress("Kim", "04524", "12 Street 1"), idempotencyKey);
    }
}
