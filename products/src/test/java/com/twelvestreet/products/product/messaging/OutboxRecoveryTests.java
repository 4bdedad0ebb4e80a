package com.twelvestreet.products.product.messaging;

import java.time.Duration;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.test.TestJwtIssuerConfiguration;
import com.twelvestreet.platform.test.TestPostgresConfiguration;
import com.twelvestreet.products.product.Product;
import com.twelvestreet.products.product.ProductCatalog;
import com.twelvestreet.products.product.ProductDetails;
import com.twelvestreet.platform.test.KafkaTestClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox across a Kafka outage: the service reaches the broker only through a gate that is
 * closed at first, so sends fail as they do when Kafka is down. The change is committed and its
 * event stays in the publication registry; once the gate opens, the retry delivers it.
 */
@SpringBootTest(properties = "twelvestreet.events.retry-interval=2s")
@Import({ TestPostgresConfiguration.class, TestJwtIssuerConfiguration.class })
@ActiveProfiles("test")
class OutboxRecoveryTests {

    static final EmbeddedKafkaBroker broker = startBroker();
    static final TcpGate kafka = new TcpGate("localhost", Integer.parseInt(broker.getBrokersAsString().split(":")[1]));

    @DynamicPropertySource
    static void kafkaBehindTheGate(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + kafka.port());
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
        broker.destroy();
    }

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldKeepTheEventWhileKafkaIsUnreachableAndDeliverItWhenKafkaIsBack() throws Exception {
        Product clock = catalog.create(new ProductDetails("CLOCK", "", 50_000, 3));

        assertThat(catalog.get(clock.getId()).getStock()).as("the change itself is committed").isEqualTo(3);
        Thread.sleep(7_000); // longer than the producer's 5 s max.block.ms: the send has failed by now
        assertThat(incompletePublications()).as("the event waits in the outbox").isEqualTo(1);
        assertThat(backlog()).as("and the dashboard's gauge says so").isEqualTo(1);

        kafka.open();

        try (Consumer<String, String> consumer = KafkaTestClients.consumer(broker.getBrokersAsString(), Topics.PRODUCTS)) {
            ConsumerRecord<String, String> delivered = KafkaTestClients.next(consumer, String.valueOf(clock.getId()), 1).get(0);
            assertThat(delivered.value()).contains("\"name\":\"CLOCK\"");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (incompletePublications() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(incompletePublications()).as("the publication is marked completed").isZero();
        assertThat(backlog()).isZero();
    }

    private double backlog() {
        return meters.get("twelvestreet.outbox.backlog").gauge().value();
    }

    private int incompletePublications() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Integer.class).single();
    }

    private static EmbeddedKafkaBroker startBroker() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.PRODUCTS);
        broker.afterPropertiesSet();
        return broker;
    }
}
