package com.twelvestreet.orders.order.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.orders.OrdersApiTest;
import com.twelvestreet.orders.order.OrderRepository;
import com.twelvestreet.orders.support.ProductsStub;
import com.twelvestreet.platform.test.TestJwtIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/** A retried POST /api/orders with the same Idempotency-Key never orders twice. */
@OrdersApiTest
class IdempotentOrderApiTests {

    final String alice = "alice-" + UUID.randomUUID();
    final String bob = "bob-" + UUID.randomUUID();

    @Autowired
    RestTestClient http;

    @Autowired
    TestJwtIssuer issuer;

    @Autowired
    ProductsStub products;

    @Autowired
    OrderRepository orders;

    @BeforeEach
    void catalogue() {
        products.reset();
        products.put(1, "TV", 10_000);
        products.put(3, "NOTEBOOK", 30_000);
    }

    @Test
    void shouldAnswerARetryWithTheOrderTheFirstRequestPlaced() {
        String first = place(alice, "retry-0001", OrderApiTests.order(1, 2)).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();

        place(alice, "retry-0001", OrderApiTests.order(1, 2))
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals("Location", "/api/orders/" + first)
                .expectBody().jsonPath("$.id").isEqualTo(first).jsonPath("$.totalAmount").isEqualTo(20_000);

        assertThat(ordersOf(alice)).hasSize(1);
    }

    @Test
    void shouldRefuseTheSameKeyForADifferentOrder() {
        place(alice, "reused-key-1", OrderApiTests.order(1, 2)).expectStatus().isCreated();

        place(alice, "reused-key-1", OrderApiTests.order(3, 1))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("different order"));

        assertThat(ordersOf(alice)).hasSize(1);
    }

    @Test
    void shouldKeepEachCustomersKeysApart() {
        place(alice, "shared-key-1", OrderApiTests.order(1, 1)).expectStatus().isCreated();
        place(bob, "shared-key-1", OrderApiTests.order(1, 1)).expectStatus().isCreated();

        assertThat(ordersOf(alice)).hasSize(1);
        assertThat(ordersOf(bob)).hasSize(1);
    }

    @Test
    void shouldRejectAMalformedKey() {
        place(alice, "x", OrderApiTests.order(1, 1))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ordersOf(alice)).isEmpty();
    }

    @Test
    void shouldPlaceOneOrderWhenTheSameRequestArrivesManyTimesAtOnce() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> place(alice, "impatient-1", OrderApiTests.order(3, 1))
                        .expectStatus().is2xxSuccessful()
                        .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString());
            }
            List<String> answered = new ArrayList<>();
            for (Future<String> id : clients.invokeAll(attempts)) {
                answered.add(id.get());
            }

            assertThat(answered).as("every attempt answers the same order").containsOnly(answered.get(0));
            assertThat(ordersOf(alice)).hasSize(1);
        }
        finally {
            clients.shutdownNow();
        }
    }

    private List<UUID> ordersOf(String customer) {
        return orders.findAll().stream().filter(order -> order.isOwnedBy(customer)).map(order -> order.getId()).toList();
    }

    private RestTestClient.ResponseSpec place(String customer, String key, String body) {
        return http.post().uri("/api/orders")
                .headers(h -> {
                    h.setBearerAuth(issuer.token(customer, "CUSTOMER"));
                    h.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
