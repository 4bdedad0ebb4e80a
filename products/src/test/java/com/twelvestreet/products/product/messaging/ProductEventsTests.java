package com.twelvestreet.products.product.messaging;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.support.TransactionTemplate;

import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.products.ProductsApiTest;
import com.twelvestreet.products.product.Product;
import com.twelvestreet.products.product.ProductCatalog;
import com.twelvestreet.products.product.ProductDetails;
import com.twelvestreet.platform.test.KafkaTestClients;

import static org.assertj.core.api.Assertions.assertThat;

/** ProductChanged leaves through the outbox, with the change, keyed by product, in an envelope. */
@ProductsApiTest
class ProductEventsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ProductCatalog catalog;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    Consumer<String, String> consumer;

    @BeforeEach
    void subscribe() {
        consumer = KafkaTestClients.consumer(broker.getBrokersAsString(), Topics.PRODUCTS);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void shouldPublishEveryChangeKeyedByProductInAnEnvelope() {
        Product lamp = catalog.create(new ProductDetails("LAMP", "A desk lamp", 60_000, 7));
        catalog.adjustStock(lamp.getId(), -2);

        List<ConsumerRecord<String, String>> events = KafkaTestClients.next(consumer, String.valueOf(lamp.getId()), 2);

        // events of one product share a key, so they land in one partition in publication order
        JsonNode created = JSON.readTree(events.get(0).value());
        assertThat(created.get("eventType").asString()).isEqualTo("ProductChanged");
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("eventId").asString()).isNotBlank();
        assertThat(created.get("occurredAt").asString()).isNotBlank();
        assertThat(created.get("payload").get("price").asLong()).isEqualTo(60_000);
        assertThat(JSON.readTree(events.get(1).value()).get("payload").get("stock").asInt()).isEqualTo(5);
        assertThat(new String(events.get(0).headers().lastHeader("eventType").value())).isEqualTo("ProductChanged");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(publicationsInTheOutbox()).as("deleted once acknowledged").isZero());
    }

    @Test
    void shouldKeepOneProductsEventsInCommitOrderWhileManyAreInFlight() {
        Product pen = catalog.create(new ProductDetails("PEN", "", 1_000, 100));
        // one transaction: its 40 events reach the outbox relay in a burst, as under load
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 40; i++) {
                catalog.adjustStock(pen.getId(), -1);
            }
        });

        List<Integer> stockSeen = KafkaTestClients.next(consumer, String.valueOf(pen.getId()), 41).stream()
                .map(event -> JSON.readTree(event.value()).get("payload").get("stock").asInt())
                .toList();

        assertThat(stockSeen).isSortedAccordingTo(Comparator.reverseOrder()).doesNotHaveDuplicates()
                .startsWith(100).endsWith(60);
    }

    private int publicationsInTheOutbox() {
        return jdbc.sql("select count(*) from event_publication").query(Integer.class).single();
    }

}
