package com.twelvestreet.orders.order.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.orders.OrdersApiTest;
import com.twelvestreet.orders.order.OrderRepository;
import com.twelvestreet.orders.order.OrderService;
import com.twelvestreet.orders.order.OrderRequest;
import com.twelvestreet.orders.order.ShippingAddress;
import com.twelvestreet.orders.support.ProductsStub;
import com.twelvestreet.platform.security.Caller;
import com.twelvestreet.platform.test.TestJwtIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An order nobody answered about stays PENDING; past the alert time (1 s in tests) it is counted and listed. */
@OrdersApiTest
@SuppressWarnings("unchecked")
class StuckOrdersApiTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestJwtIssuer issuer;

    @Autowired
    OrderService orders;

    @Autowired
    ProductsStub products;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OrderRepository repository;

    @Test
    void shouldCountAndListOrdersPendingForTooLong() {
        products.reset();
        products.put(1, "TV", 10_000);
        repository.deleteAll();
        assertThat(meters.get("orders.pending.stuck").gauge().value()).isZero();
        UUID waiting = orders.place(new OrderRequest("customer-1", Map.of(1L, 1), new ShippingAddress("Kim", "04524", "Seoul"),
                Optional.empty())).order().getId();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("orders.pending.stuck").gauge().value() == 1);
        http.get().uri("/api/admin/orders/stuck").headers(h -> h.setBearerAuth(issuer.token("ops", "ADMIN"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.pendingLongerThan").isEqualTo("PT1S")
                .jsonPath("$.items[*].id").value(ids -> assertThat((List<Object>) ids).containsExactly(waiting.toString()));
        http.get().uri("/api/admin/orders/stuck").headers(h -> h.setBearerAuth(issuer.token("customer-1", "CUSTOMER")))
                .exchange().expectStatus().isForbidden();

        UUID cancelled = orders.place(new OrderRequest("customer-1", Map.of(1L, 1), new ShippingAddress("Kim", "04524", "Seoul"),
                Optional.empty())).order().getId();
        orders.cancel(cancelled, new Caller("customer-1", false));
        http.get().uri("/api/admin/orders/summary").headers(h -> h.setBearerAuth(issuer.token("ops", "ADMIN"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .json("""
                        {"underWay": {"PENDING": 1, "CONFIRMED": 0, "SHIPPED": 0},
                         "finishedLastDay": {"REJECTED": 0, "DELIVERED": 0, "CANCELLED": 1, "DELIVERY_FAILED": 0},
                         "stuck": 1}""");
        http.get().uri("/api/admin/orders/summary").headers(h -> h.setBearerAuth(issuer.token("customer-1", "CUSTOMER")))
                .exchange().expectStatus().isForbidden();
    }
}
