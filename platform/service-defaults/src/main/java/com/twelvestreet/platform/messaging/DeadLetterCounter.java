package com.twelvestreet.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.twelvestreet.platform.contracts.Topics;

/**
 * {@code twelvestreet.messaging.dead.letters{topic}}: the records this service gave up on and sent to a dead-letter
 * topic. Each topic the service consumes has its series from the start, at zero, so a dashboard or an alert sees it
 * before the first dead letter; a replay ({@code /api/admin/dead-letters/{topic}/replay}) does not lower it.
 */
final class DeadLetterCounter implements ApplicationListener<ApplicationStartedEvent> {

    private final MeterRegistry meters;
    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;

    DeadLetterCounter(MeterRegistry meters, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        this.meters = meters;
        this.listeners = listeners;
    }

    void sent(String consumedTopic) {
        counter(consumedTopic).increment();
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        listeners.ifAvailable(registry -> {
            for (MessageListenerContainer container : registry.getAllListenerContainers()) {
                String[] topics = container.getContainerProperties().getTopics();
                for (String topic : topics == null ? new String[0] : topics) {
                    counter(topic);
                }
            }
        });
    }

    private Counter counter(String consumedTopic) {
        return Counter.builder("twelvestreet.messaging.dead.letters").tag("topic", Topics.deadLetter(consumedTopic))
                .description("Records given up on and sent to this dead-letter topic")
                .register(meters);
    }
}
