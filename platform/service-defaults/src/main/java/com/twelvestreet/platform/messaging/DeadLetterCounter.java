package com.twelvestreet.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

import com.twelvestreet.platform.contracts.Topics;

/**
 * {@code twelvestreet.messaging.dead.letters{topic}}: the records this service gave up on and sent to a dead-letter
 * topic. Each topic the service consumes has its series from the start, at zero, so a dashboard or an alert sees it
 * before the first dead letter; a replay ({@code /api/admin/dead-letters/{topic}/replay}) does not lower it.
 */
final class DeadLetterCounter implements ApplicationListener<ApplicationStartedEvent> {

    private final MeterRegistry meters;
    private final ConsumedTopics consumed;

    DeadLetterCounter(MeterRegistry meters, ConsumedTopics consumed) {
        this.meters = meters;
        this.consumed = consumed;
    }

    void sent(String consumedTopic) {
        counter(consumedTopic).increment();
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        consumed.all().forEach(this::counter);
    }

    private Counter counter(String consumedTopic) {
        return Counter.builder("twelvestreet.messaging.dead.letters").tag("topic", Topics.deadLetter(consumedTopic))
                .description("Records given up on and sent to this dead-letter topic")
                .register(meters);
    }
}
