package com.twelvestreet.products.stock.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.orders.OrderLine;
import com.twelvestreet.platform.contracts.orders.OrderPlaced;
import com.twelvestreet.platform.events.EventEnvelope;
import com.twelvestreet.platform.test.TestJwtIssuer;
import com.twelvestreet.products.ProductsApiTest;
import com.twelvestreet.products.product.ProductCatalog;
import com.twelvestreet.products.product.ProductDetails;
import com.twelvestreet.platform.test.KafkaTestClients;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator replays dead letters once their cause is fixed; each one is replayed once. */
@ProductsApiTest
// a context (and broker) of its own: other tests leave poison messages on the dead-letter topic
@TestPropertySource(properties = "twelvestreet.messaging.max-attempts=3")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the poison last: a replay would only send it back to fail again
class DeadLetterReplayTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestJwtIssuer issuer;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Order(1)
    void shouldSendDeadLettersBackToTheirTopicOnceForAnAdminOnly() throws Exception {
        long notebook = catalog.create(new ProductDetails("NOTEBOOK", "", 30_000, 6)).getId();
        UUID orderId = UUID.randomUUID();
        // an order event that failed earlier (say, while a bug was deployed) waits on the dead-letter topic
        String event = JsonMapper.builder().build().writeValueAsString(EventEnvelope.of(orderId.toString(),
                new OrderPlaced(orderId, "customer-1", List.of(new OrderLine(notebook, 2, 30_000, "PRODUCT")), 60_000), Instant.now()));
        try (Producer<String, String> producer = KafkaTestClients.producer(broker.getBrokersAsString())) {
            producer.send(new ProducerRecord<>(Topics.deadLetter(Topics.ORDERS), orderId.toString(), event)).get();
        }

        http.get().uri("/api/admin/events").headers(h -> h.setBearerAuth(issuer.token("operator", "ADMIN"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("products")
                // a number (the product just created may still be on its way to Kafka; OutboxRecoveryTests checks the count)
                .jsonPath("$.outboxBacklog").isNumber()
                .jsonPath("$.deadLetters[?(@.topic == 'shop.orders')].waiting").isEqualTo(List.of(1))
                .jsonPath("$.deadLetters[?(@.topic == 'shop.orders')].shown[0].key").isEqualTo(List.of(orderId.toString()));
        http.get().uri("/api/admin/events").headers(h -> h.setBearerAuth(issuer.token("shopper", "CUSTOMER"))).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/admin/dead-letters/shop.orders/replay")
                .headers(h -> h.setBearerAuth(issuer.token("shopper", "CUSTOMER"))).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/admin/dead-letters/shop.orders/replay")
                .headers(h -> h.setBearerAuth(issuer.token("operator", "ADMIN"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").isEqualTo(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stock(notebook) != 4 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(stock(notebook)).isEqualTo(4);
        http.post().uri("/api/admin/dead-letters/shop.orders/replay")
                .headers(h -> h.setBearerAuth(issuer.token("operator", "ADMIN"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").isEqualTo(0);
        http.get().uri("/api/admin/events").headers(h -> h.setBearerAuth(issuer.token("operator", "ADMIN"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.deadLetters[?(@.topic == 'shop.orders')].waiting").isEqualTo(List.of(0));
    }

    @Test
    @Order(2)
    void shouldShowWhyAConsumerGaveUpOnAMessage() throws Exception {
        try (Producer<String, String> producer = KafkaTestClients.producer(broker.getBrokersAsString())) {
            producer.send(new ProducerRecord<>(Topics.ORDERS, "poison-for-the-page", "{\"eventType\": \"OrderPlaced\"}")).get();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String shown = "";
        while (!shown.contains("poison-for-the-page") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            shown = http.get().uri("/api/admin/events").headers(h -> h.setBearerAuth(issuer.token("operator", "ADMIN")))
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        }
        assertThat(shown).contains("\"key\":\"poison-for-the-page\"", "\"failedIn\":\"products\"", "\"error\":\"");
    }

    private int stock(long productId) {
        return jdbc.sql("select stock from products where id = ?").param(productId).query(Integer.class).single();
    }
}
