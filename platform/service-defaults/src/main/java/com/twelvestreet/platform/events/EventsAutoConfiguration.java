package com.twelvestreet.platform.events;

import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Outbox defaults for services that publish events through Spring Modulith's publication registry:
 * every {@link EventEnvelope} goes to the service's topic ({@code twelvestreet.events.topic}), keyed
 * by its aggregate id so one aggregate's events stay in order, and unfinished publications are retried.
 */
@AutoConfiguration(afterName = "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
        beforeName = "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration")
@ConditionalOnClass(IncompleteEventPublications.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnBean(IncompleteEventPublications.class)
    OutboxRetry outboxRetry(IncompleteEventPublications publications,
            @Value("${twelvestreet.events.retry-interval:30s}") Duration interval) {
        return new OutboxRetry(publications, interval);
    }

    @Bean
    @ConditionalOnProperty("twelvestreet.events.topic")
    @ConditionalOnMissingBean
    EventExternalizationConfiguration envelopesToServiceTopic(@Value("${twelvestreet.events.topic}") String topic) {
        return EventExternalizationConfiguration.externalizing()
                .select(EventEnvelope.class::isInstance)
                .route(EventEnvelope.class, event -> RoutingTarget.forTarget(topic).andKey(event.aggregateId()))
                .headers(EventEnvelope.class, event -> Map.of("eventType", event.eventType()))
                .build();
    }
}
