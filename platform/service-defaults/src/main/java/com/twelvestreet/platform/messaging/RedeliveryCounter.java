package com.twelvestreet.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.RetryListener;

import com.twelvestreet.platform.resilience.UnavailableDependency;

/**
 * Every failed attempt to handle an event, as {@code twelvestreet.messaging.redeliveries{reason}}: {@code unavailable}
 * while a dependency is away (the event waits for it, however long), {@code failure} otherwise (the event goes to
 * its dead-letter topic after the last attempt). A rising {@code unavailable} count is a consumer waiting.
 */
final class RedeliveryCounter implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(RedeliveryCounter.class);

    private final Counter unavailable;
    private final Counter failure;

    RedeliveryCounter(MeterRegistry meters) {
        this.unavailable = counter(meters, "unavailable");
        this.failure = counter(meters, "failure");
    }

    private static Counter counter(MeterRegistry meters, String reason) {
        return Counter.builder("twelvestreet.messaging.redeliveries").tag("reason", reason)
                .description("Failed attempts to handle an event; 'unavailable': waiting for a dependency")
                .register(meters);
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
        if (UnavailableDependency.isCause(ex)) {
            unavailable.increment();
            log.warn("{}-{}@{} waits for a dependency (attempt {}): {}", record.topic(), record.partition(),
                    record.offset(), deliveryAttempt, rootMessage(ex));
        }
        else {
            failure.increment();
        }
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
