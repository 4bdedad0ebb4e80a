package com.twelvestreet.products.product.messaging;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.events.EventEnvelope;

/** Which published events leave the service: every envelope, to {@code shop.products}, keyed by aggregate. */
@Configuration(proxyBeanMethods = false)
class ProductEventsConfig {

    @Bean
    EventExternalizationConfiguration productEventsToKafka() {
        return EventExternalizationConfiguration.externalizing()
                .select(EventEnvelope.class::isInstance)
                .route(EventEnvelope.class, event -> RoutingTarget.forTarget(Topics.PRODUCTS).andKey(event.aggregateId()))
                .headers(EventEnvelope.class, event -> Map.of("eventType", event.eventType()))
                .build();
    }
}
