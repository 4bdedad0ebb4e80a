package com.twelvestreet.orders.catalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.orders.OrdersApiTest;
import com.twelvestreet.orders.support.ProductsStub;
import com.twelvestreet.platform.contracts.products.ProductChanged;
import com.twelvestreet.platform.test.TestJwtIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Products down, slow or back: placing an order answers within a second, priced from the replica
 * when it knows the product, a 503 problem when it does not, and from products again once it is back.
 */
@OrdersApiTest
class ProductsOutageTests {

    static final Duration FAST = Duration.ofSeconds(1);

    @Autowired
    RestTestClient http;

    @Autowired
    TestJwtIssuer issuer;

    @Autowired
    ProductsStub products;

    @Autowired
    ProductReplica replica;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @BeforeEach
    void catalogue() {
        jdbc.sql("delete from product_replica").update();
        products.reset();
        products.put(7, "CLOCK", 50_000);
        replica.apply(new ProductChanged(7, 4, "CLOCK", 45_000, 9, false), Instant.now());
        breakers.circuitBreaker("products").reset();
        placeAndTime(7); // warm: the timings below are about the outage, not a cold first request
    }

    @AfterEach
    void restore() {
        products.reset();
    }

    @Test
    void shouldPriceFromTheCatalogueWhileProductsAnswers() {
        assertThat(placeAndTime(7).price()).isEqualTo(50_000);
    }

    @Test
    void shouldPriceFromTheReplicaWithinASecondWhileProductsIsDownAndRecover() {
        products.down();
        for (int i = 0; i < 12; i++) { // enough failures to open the breaker on the way
            Placed placed = placeAndTime(7);
            assertThat(placed.elapsed()).isLessThan(FAST);
            assertThat(placed.price()).isEqualTo(45_000);
        }
        assertThat(breakers.circuitBreaker("products").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        products.up();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> placeAndTime(7).price() == 50_000);
    }

    @Test
    void shouldAnswerA503ProblemWithinASecondWhenNeitherKnowsTheProduct() throws Exception {
        products.down();
        // a plain JDK client: the test's usual HTTP client would itself wait out Retry-After and ask again
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders"))
                .header("Authorization", "Bearer " + issuer.token("customer-1", "CUSTOMER"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(order(8))).build();
        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("service").asString()).isEqualTo("products");
        assertThat(problem.get("detail").asString()).contains("Product 8");
    }

    @Test
    void shouldNotWaitForASlowProductsService() {
        products.slow(Duration.ofSeconds(3));
        Placed placed = placeAndTime(7);
        assertThat(placed.elapsed()).isLessThan(FAST);
        assertThat(placed.price()).isEqualTo(45_000);
    }

    @Test
    void shouldRefuseAProductTheReplicaKnowsAsDeleted() {
        replica.apply(new ProductChanged(7, 5, "CLOCK", 45_000, 0, true), Instant.now());
        products.down();
        http.post().uri("/api/orders").headers(h -> h.setBearerAuth(issuer.token("customer-1", "CUSTOMER")))
                .contentType(MediaType.APPLICATION_JSON).body(order(7)).exchange()
                .expectStatus().isEqualTo(422);
    }

    private Placed placeAndTime(long productId) {
        long started = System.nanoTime();
        JsonNode order = http.post().uri("/api/orders")
                .headers(h -> h.setBearerAuth(issuer.token("customer-" + UUID.randomUUID(), "CUSTOMER")))
                .contentType(MediaType.APPLICATION_JSON).body(order(productId)).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return new Placed(order.at("/items/0/unitPrice").asLong(), Duration.ofNanos(System.nanoTime() - started));
    }

    private static String order(long productId) {
        return """
                {"lines": [{"productId": %d, "quantity": 1}],
                 "shippingAddress": {"recipient": "Kim", "postalCode": "04524", "addressLine": "12 Sejong-daero"}}
                """.formatted(productId);
    }

    record Placed(long price, Duration elapsed) {
    }
}
