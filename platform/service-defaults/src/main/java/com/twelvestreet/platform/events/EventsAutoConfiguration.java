package com.twelvestreet.platform.events;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.tracing.Tracer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Outbox defaults for services that publish events through Spring Modulith's publication registry:
 * every {@link EventEnvelope} goes to the service's topic ({@code twelvestreet.events.topic}), keyed
 * by its aggregate id so one aggregate's events stay in order ({@link OutboxRelay}), and unfinished
 * publications are retried.
 */
@AutoConfiguration(afterName = { "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass(IncompleteEventPublications.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(ApplicationEventPublisher events, Clock clock, ObjectProvider<Tracer> tracer) {
        return new EventPublisher(events, clock, tracer);
    }

    @Bean
    @ConditionalOnBean(IncompleteEventPublications.class)
    OutboxRetry outboxRetry(IncompleteEventPublications publications,
            @Value("${twelvestreet.events.retry-interval:30s}") Duration interval) {
        return new OutboxRetry(publications, interval);
    }

    /** The publications live in the service's database (Modulith's JDBC registry, the only one 12 Street uses). */
    @Bean
    @ConditionalOnBean({ IncompleteEventPublications.class, JdbcClient.class })
    OutboxBacklog outboxBacklog(JdbcClient jdbc) {
        return new OutboxBacklog(jdbc);
    }

    /** Only where the service names its topic and Kafka is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaOperations.class)
    @ConditionalOnProperty("twelvestreet.events.topic")
    static class KafkaRelayConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OutboxRelay outboxRelay(KafkaOperations<String, String> kafka, JsonMapper json,
                @Value("${twelvestreet.events.topic}") String topic, ObjectProvider<Tracer> tracer) {
            return new OutboxRelay(kafka, json, topic, tracer);
        }

        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static OutboxHandOff outboxHandOff() {
            return new OutboxHandOff();
        }
    }
}
