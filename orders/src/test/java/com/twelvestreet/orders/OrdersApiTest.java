package com.twelvestreet.orders;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

import com.twelvestreet.orders.support.ProductsStubConfiguration;
import com.twelvestreet.orders.support.SqlStatementsConfiguration;
import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.test.SagaEventsConfiguration;
import com.twelvestreet.platform.test.TestJwtIssuerConfiguration;
import com.twelvestreet.platform.test.TestPostgresConfiguration;

/**
 * The orders service over real HTTP, on a real PostgreSQL and a real (embedded, KRaft) Kafka broker,
 * checking tokens from a test issuer. The products service is an HTTP stub reached through the
 * load balancer, so its answers, outages and slowness are under the test's control.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({ TestPostgresConfiguration.class, TestJwtIssuerConfiguration.class, ProductsStubConfiguration.class,
        SagaEventsConfiguration.class, SqlStatementsConfiguration.class })
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1,
        topics = { Topics.PRODUCTS, Topics.ORDERS, Topics.DELIVERIES, "shop.products.DLT", "shop.deliveries.DLT" },
        bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = "auto.create.topics.enable=false")
public @interface OrdersApiTest {
}
