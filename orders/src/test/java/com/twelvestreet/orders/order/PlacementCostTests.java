package com.twelvestreet.orders.order;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.twelvestreet.orders.OrdersApiTest;
import com.twelvestreet.orders.catalog.ProductLookup;
import com.twelvestreet.orders.support.ProductsStub;
import com.twelvestreet.orders.support.SqlStatements;
import com.twelvestreet.orders.support.SqlStatements.Sent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one order placement costs, kept from growing back: no thread started per products lookup, a
 * fixed, small number of SQL statements (docs/benchmarks.md, "Where the CPU of an order went"), and two
 * statements for its event in the outbox.
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

    @Test
    void shouldWriteAnOutboxEventOnceAndDeleteItWhenKafkaHasIt() {
        AtomicReference<UUID> order = new AtomicReference<>();
        List<Sent> sent = sql.sentByAnyThreadDuring(() -> {
            order.set(orders.place(request(Optional.empty())).order().getId());
            await().atMost(Duration.ofSeconds(15)).until(() -> outboxStatementsOf(order.get(), sql.sentSoFar())
                    .stream().anyMatch(statement -> statement.startsWith("DELETE")));
        });

        // no status marked in between: on the outbox's one sender thread, that transaction let the outbox fall
        // seconds behind under load (docs/benchmarks.md, efficiency step 3)
        assertThat(outboxStatementsOf(order.get(), sent)).satisfiesExactly(
                insert -> assertThat(insert).startsWith("INSERT INTO EVENT_PUBLICATION"),
                delete -> assertThat(delete).startsWith("DELETE FROM EVENT_PUBLICATION"));
    }

    /** The statements on the outbox row of the order's event: found by the order id in the event the insert stored. */
    private static List<String> outboxStatementsOf(UUID order, List<Sent> sent) {
        return sent.stream()
                .filter(statement -> statement.sql().startsWith("INSERT INTO EVENT_PUBLICATION")
                        && statement.parameters().stream().anyMatch(value -> String.valueOf(value).contains(order.toString())))
                .findFirst()
                .map(insert -> insert.parameters().get(0))
                .map(publication -> sent.stream()
                        .filter(statement -> statement.sql().toUpperCase().contains("EVENT_PUBLICATION")
                                && statement.parameters().contains(publication))
                        .map(statement -> statement.sql().replaceAll("\\s+", " ").strip()).toList())
                .orElse(List.of());
    }

    private static OrderRequest request(Optional<String> idempotencyKey) {
        return new OrderRequest("customer-cost", Map.of(PRODUCT, 1),
                new ShippingAddress("Kim", "04524", "12 Street 1"), idempotencyKey);
    }
}
