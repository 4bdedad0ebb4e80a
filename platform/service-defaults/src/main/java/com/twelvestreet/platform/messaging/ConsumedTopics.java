package com.twelvestreet.platform.messaging;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** The topics this service's listeners consume, each with its own dead-letter topic. */
final class ConsumedTopics {

    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;

    ConsumedTopics(ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        this.listeners = listeners;
    }

    List<String> all() {
        KafkaListenerEndpointRegistry registry = listeners.getIfAvailable();
        if (registry == null) {
            return List.of();
        }
        return registry.getAllListenerContainers().stream()
                .map(container -> container.getContainerProperties().getTopics())
                .filter(Objects::nonNull)
                .flatMap(Arrays::stream)
                .distinct().sorted().toList();
    }
}
