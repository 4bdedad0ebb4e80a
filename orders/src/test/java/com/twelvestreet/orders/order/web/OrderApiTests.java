package com.twelvestreet.orders.order.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.orders.OrdersApiTest;
import com.twelvestreet.orders.order.OrderRepository;
import com.twelvestreet.orders.order.OrderStatus;
import com.twelvestreet.orders.support.ProductsStub;
import com.twelvestreet.platform.test.SagaEvents;
import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.deliveries.DeliveryStarted;
import com.twelvestreet.platform.contracts.products.StockReserved;
import com.twelvestreet.platform.test.TestJwtIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@OrdersApiTest
@SuppressWarnings("unchecked")
class OrderApiTests {

    final String alice = "alice-" + UUID.randomUUID();
    final String bob = "bob-" + UUID.randomUUID();

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    @Autowired
    TestJwtIssuer issuer;

    @Autowired
    ProductsStub products;

    @Autowired
    OrderRepository orders;

    @Autowired
    SagaEvents events;

    @BeforeEach
    void catalogue() {
        products.reset();
        products.put(1, "TV", 10_000);
        products.put(3, "NOTEBOOK", 30_000);
    }

    @Test
    void shouldPlaceAPendingOrderPricedByTheCatalogueForTheTokensCustomer() {
        String body = """
                {"customerId": "%s", "totalAmount": 1,
                 "lines": [{"productId": 1, "quantity": 2, "unitPrice": 1}, {"productId": 3, "quantity": 1},
                           {"productId": 1, "quantity": 1}],
                 "shippingAddress": {"recipient": "Alice Kim", "postalCode": "04524", "addressLine": "12 Sejong-daero"}}
                """.formatted(bob);
        try (Consumer<String, String> published = events.consumer(Topics.ORDERS)) {
            JsonNode order = place(alice, body)
                    .expectStatus().isCreated()
                    .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/orders/"))
                    .expectBody(JsonNode.class).returnResult().getResponseBody();

            assertThat(order.get("status").asString()).isEqualTo("PENDING");
            assertThat(order.get("totalAmount").asLong()).isEqualTo(3 * 10_000 + 30_000);
            assertThat(order.get("items")).hasSize(2);
            assertThat(order.get("items").get(0).get("unitPrice").asLong()).isEqualTo(10_000);
            assertThat(order.get("items").get(0).get("quantity").asInt()).isEqualTo(3);
            assertThat(order.get("cancellable").asBoolean()).isTrue();
            UUID id = UUID.fromString(order.get("id").asString());
            assertThat(orders.findById(id)).get().satisfies(saved -> assertThat(saved.getCustomerId()).isEqualTo(alice));

            JsonNode placed = SagaEvents.next(published, id, 1).get(0);
            assertThat(placed.get("eventType").asString()).isEqualTo("OrderPlaced");
            assertThat(placed.at("/payload/customerId").asString()).isEqualTo(alice);
            assertThat(placed.at("/payload/totalAmount").asLong()).isEqualTo(60_000);
            assertThat(placed.at("/payload/lines/0/productName").asString()).isEqualTo("TV");
        }
    }

    @Test
    void shouldExplainInvalidOrders() {
        place(alice, """
                {"lines": [], "shippingAddress": {"recipient": "", "postalCode": "12", "addressLine": "x"}}
                """)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).contains(
                        "lines", "shippingAddress.recipient", "shippingAddress.postalCode"));
        place(alice, order(1, 0)).expectStatus().isBadRequest();
        place(alice, "{ not json").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        place(alice, order(999, 1))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").isEqualTo("Product 999 does not exist.");
        assertThat(orders.findAll()).as("nothing was ordered").noneMatch(order -> order.isOwnedBy(alice));
    }

    @Test
    void shouldLimitTheQuantityPerProductAfterAddingUpItsLines() {
        String twentyLinesOf99 = "{\"lines\": [" + String.join(", ", Collections.nCopies(20,
                "{\"productId\": 1, \"quantity\": 99}")) + "], \"shippingAddress\": "
                + "{\"recipient\": \"Kim\", \"postalCode\": \"04524\", \"addressLine\": \"12 Sejong-daero\"}}";

        place(alice, twentyLinesOf99)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].message").isEqualTo(
                        "a product may be ordered at most 99 times in one order (lines for the same product are added up)");
        assertThat(orders.findAll()).as("nothing was ordered").noneMatch(order -> order.isOwnedBy(alice));
    }

    @Test
    void shouldRefuseANulCharacterInsteadOfFailingInTheDatabase() {
        place(alice, order(1, 1).replace("\"Kim\"", "\"Kim\\u0000Lee\""))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("shippingAddress.recipient");
        http.get().uri("/api/orders?page=%00").header("Authorization", "Bearer " + issuer.token(alice, "CUSTOMER"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(orders.findAll()).as("nothing was ordered").noneMatch(order -> order.isOwnedBy(alice));
    }

    @Test
    void shouldRefuseAnAnnouncedBodyOverTheLimitUpFrontNamingTheTrace() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders"))
                        .header("Authorization", "Bearer " + issuer.token(alice, "CUSTOMER"))
                        .header("Content-Type", "application/json")
                        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                        .POST(HttpRequest.BodyPublishers.ofString(order(1, 1) + " ".repeat(1_100_000)))
                        .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"");
    }

    @Test
    void shouldRefuseABodyOverTheLimitAlsoWhenItArrivesInChunks() throws Exception {
        String padding = " ".repeat(1_100_000);
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders"))
                        .header("Authorization", "Bearer " + issuer.token(alice, "CUSTOMER"))
                        .header("Content-Type", "application/json")
                        // a publisher of unknown length: the JDK client sends it chunked, without Content-Length
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream((order(1, 1) + padding).getBytes())))
                        .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(orders.findAll()).as("nothing was ordered").noneMatch(order -> order.isOwnedBy(alice));
    }

    @Test
    void shouldAskForAToken() {
        http.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body(order(1, 1)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/orders").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void shouldKeepEachCustomersOrdersTheirOwn() {
        UUID alices = placed(alice);
        placed(bob);

        http.get().uri("/api/orders/{id}", alices).headers(h -> h.setBearerAuth(token(bob))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/orders/{id}/cancel", alices).headers(h -> h.setBearerAuth(token(bob))).exchange()
                .expectStatus().isNotFound();
        assertThat(orders.findById(alices)).get().extracting(o -> o.getStatus()).isEqualTo(OrderStatus.PENDING);

        http.get().uri("/api/orders?size=100").headers(h -> h.setBearerAuth(token(bob))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").value(ids -> assertThat((List<Object>) ids).doesNotContain(alices.toString()));
        http.get().uri("/api/orders?size=100").headers(h -> h.setBearerAuth(token(alice))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").value(ids -> assertThat((List<Object>) ids).containsExactly(alices.toString()));
        http.get().uri("/api/orders/{id}", alices).headers(h -> h.setBearerAuth(issuer.token("ops", "ADMIN"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(alices.toString());
    }

    @Test
    void shouldCancelOnceAndPublishOneOrderCancelled() {
        UUID id = placed(alice);
        try (Consumer<String, String> published = events.consumer(Topics.ORDERS)) {
            cancel(alice, id).expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("CANCELLED")
                    .jsonPath("$.cancellable").isEqualTo(false);
            cancel(alice, id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

            List<JsonNode> seen = SagaEvents.next(published, id, 2);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> published.poll(Duration.ofMillis(200)).isEmpty());
            assertThat(seen).extracting(e -> e.get("eventType").asString()).containsExactly("OrderPlaced", "OrderCancelled");
        }
        assertThat(orders.findById(id).orElseThrow().getTimeline()).hasSize(2);
    }

    @Test
    void shouldRefuseToCancelAShippedOrder() {
        UUID id = placed(alice);
        events.send(Topics.PRODUCTS, id.toString(), new StockReserved(id));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id) == OrderStatus.CONFIRMED);
        UUID delivery = UUID.randomUUID();
        events.send(Topics.DELIVERIES, delivery.toString(), new DeliveryStarted(delivery, id));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id) == OrderStatus.SHIPPED);

        cancel(alice, id).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Order " + id + " is SHIPPED and cannot become CANCELLED");
        assertThat(status(id)).isEqualTo(OrderStatus.SHIPPED);
    }

    /** A retried POST /api/orders with the same Idempotency-Key never orders twice. */
    @Nested
    class WithAnIdempotencyKey {

        @Test
        void shouldAnswerARetryWithTheOrderTheFirstRequestPlaced() {
            String first = place(alice, "retry-0001", order(1, 2)).expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();

            place(alice, "retry-0001", order(1, 2))
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("Idempotent-Replayed", "true")
                    .expectHeader().valueEquals("Location", "/api/orders/" + first)
                    .expectBody().jsonPath("$.id").isEqualTo(first).jsonPath("$.totalAmount").isEqualTo(20_000);

            assertThat(ordersOf(alice)).hasSize(1);
        }

        @Test
        void shouldRefuseTheSameKeyForADifferentOrder() {
            place(alice, "reused-key-1", order(1, 2)).expectStatus().isCreated();

            place(alice, "reused-key-1", order(3, 1))
                    .expectStatus().isEqualTo(422)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("different order"));

            assertThat(ordersOf(alice)).hasSize(1);
        }

        @Test
        void shouldKeepEachCustomersKeysApart() {
            place(alice, "shared-key-1", order(1, 1)).expectStatus().isCreated();
            place(bob, "shared-key-1", order(1, 1)).expectStatus().isCreated();

            assertThat(ordersOf(alice)).hasSize(1);
            assertThat(ordersOf(bob)).hasSize(1);
        }

        @Test
        void shouldRejectAMalformedKey() {
            place(alice, "x", order(1, 1))
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
                    attempts.add(() -> place(alice, "impatient-1", order(3, 1))
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
    }

    private UUID placed(String customer) {
        JsonNode order = place(customer, order(1, 1)).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return UUID.fromString(order.get("id").asString());
    }

    private RestTestClient.ResponseSpec place(String customer, String body) {
        return http.post().uri("/api/orders").headers(h -> h.setBearerAuth(token(customer)))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private RestTestClient.ResponseSpec place(String customer, String idempotencyKey, String body) {
        return http.post().uri("/api/orders")
                .headers(h -> {
                    h.setBearerAuth(token(customer));
                    h.set("Idempotency-Key", idempotencyKey);
                })
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private List<UUID> ordersOf(String customer) {
        return orders.findAll().stream().filter(order -> order.isOwnedBy(customer)).map(order -> order.getId()).toList();
    }

    private RestTestClient.ResponseSpec cancel(String customer, UUID id) {
        return http.post().uri("/api/orders/{id}/cancel", id).headers(h -> h.setBearerAuth(token(customer))).exchange();
    }

    private OrderStatus status(UUID id) {
        return orders.findById(id).orElseThrow().getStatus();
    }

    private String token(String customer) {
        return issuer.token(customer, "CUSTOMER");
    }

    static String order(long productId, int quantity) {
        return """
                {"lines": [{"productId": %d, "quantity": %d}],
                 "shippingAddress": {"recipient": "Kim", "postalCode": "04524", "addressLine": "12 Sejong-daero"}}
                """.formatted(productId, quantity);
    }
}
