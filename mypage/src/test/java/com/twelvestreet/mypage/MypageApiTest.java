package com.twelvestreet.mypage;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.test.SagaEventsConfiguration;
import com.twelvestreet.platform.test.TestJwtIssuerConfiguration;
import com.twelvestreet.platform.test.TestPostgresConfiguration;

/**
 * The My Page service over real HTTP, on a real PostgreSQL and a real (embedded, KRaft) Kafka broker,
 * checking tokens from a test issuer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({ TestPostgresConfiguration.class, TestJwtIssuerConfiguration.class, SagaEventsConfiguration.class })
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1,
        topics = { Topics.ORDERS, "shop.orders.DLT" },
        bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = "auto.create.topics.enable=false")
public @interface MypageApiTest {
}
