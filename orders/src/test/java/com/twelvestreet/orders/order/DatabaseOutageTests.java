package com.twelvestreet.orders.order;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.orders.OrdersApiTest;
import com.twelvestreet.orders.support.ProductsStub;
import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.products.StockReserved;
import com.twelvestreet.platform.test.DatabaseOutage;
import com.twelvestreet.platform.test.SagaEvents;
import com.twelvestreet.platform.test.TestJwtIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While orders' database is away (its connections ended, new ones refused, as in a restart), a shopper gets 503
 * problem details with Retry-After, never a 500, and the saga's replies wait on their partition instead of going to
 * the dead-letter topic; once the database is back, orders are placed again and the waiting reply is applied.
 */
@OrdersApiTest
class DatabaseOutageTests {

    static final String ORDER = """
            {"lines": [{"productId": 1, "quantity": 1}],
             "shippingAddress": {"recipient": "Kim", "postalCode": "04524", "addressLine": "12 Sejong-daero"}}""";

    @Autowired
    RestTestClient http;

    @Autowired
    TestJwtIssuer issuer;

    @Autowired
    JdbcConnectionDetails database;

    @Autowired
    OrderService service;

    @Autowired
    OrderRepository orders;

    @Autowired
    ProductsStub products;

    @Autowired
    SagaEvents events;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void catalogue() {
        products.reset();
        products.put(1, "TV", 10_000);
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileTheDatabaseIsAwayAndPlaceOrdersOnceItIsBack() {
        try (DatabaseOutage outage = DatabaseOutage.of(database)) {
            place().expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.detail").isEqualTo("The service cannot reach what it depends on right now. Try again in a few seconds.");
        }
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> place().expectStatus().isCreated());
    }

    @Test
    void shouldKeepAReplyWaitingWhileTheDatabaseIsAwayAndApplyItOnceItIsBack() {
        UUID id = service.place(new OrderRequest("customer-outage", Map.of(1L, 1),
                new ShippingAddress("Kim", "04524", "12 Sejong-daero"), Optional.empty())).order().getId();
        double waitedBefore = redeliveries("unavailable");
        try (Consumer<String, String> deadLetters = events.consumer(Topics.deadLetter(Topics.PRODUCTS))) {
            try (DatabaseOutage outage = DatabaseOutage.of(database)) {
                events.send(Topics.PRODUCTS, id.toString(), new StockReserved(id));
                // three attempts failed for the database (each after the pool's 3 s wait for a connection)
                await().atMost(Duration.ofSeconds(40)).until(() -> redeliveries("unavailable") >= waitedBefore + 3);
            }
            // the pool's first connections after the outage may still be the dead ones
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> orders.findById(id).orElseThrow().getStatus() == OrderStatus.CONFIRMED);
            assertThat(deadLetters.poll(Duration.ofSeconds(2))).extracting(ConsumerRecord::key).doesNotContain(id.toString());
        }
    }

    private RestTestClient.ResponseSpec place() {
        return http.post().uri("/api/orders").headers(h -> h.setBearerAuth(issuer.token("customer-outage", "CUSTOMER")))
                .contentType(MediaType.APPLICATION_JSON).body(ORDER).exchange();
    }

    private double redeliveries(String reason) {
        return meters.counter("twelvestreet.messaging.redeliveries", "reason", reason).count();
    }
}
