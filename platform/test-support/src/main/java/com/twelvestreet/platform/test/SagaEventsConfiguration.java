package com.twelvestreet.platform.test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** One {@link SagaEvents} per test context, on the broker the service itself uses, closed with the context. */
@TestConfiguration(proxyBeanMethods = false)
public class SagaEventsConfiguration {

    @Bean(destroyMethod = "close")
    SagaEvents sagaEvents(@Value("${spring.kafka.bootstrap-servers}") String brokers) {
        return new SagaEvents(brokers);
    }
}
