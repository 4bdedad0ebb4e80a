package com.twelvestreet.platform.events;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.IncompleteEventPublications;

/** Outbox defaults for services that publish events through Spring Modulith's publication registry. */
@AutoConfiguration(afterName = "org.springframework.modulith.events.config.EventPublicationAutoConfiguration")
@ConditionalOnClass(IncompleteEventPublications.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnBean(IncompleteEventPublications.class)
    OutboxRetry outboxRetry(IncompleteEventPublications publications,
            @Value("${twelvestreet.events.retry-interval:30s}") Duration interval) {
        return new OutboxRetry(publications, interval);
    }
}
