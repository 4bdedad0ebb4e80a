package com.twelvestreet.platform.events;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay keeps one aggregate's events in order across a failed send: what the kafka-outage drill met (an order's
 * cancel reached products before its placement, which waited in the outbox for the retry) cannot happen. The broker
 * here is a stand-in that fails while it is "down": the order of sends is the relay's own logic, which a real broker
 * outage makes depend on timing (the drill met it in one run of three).
 */
class OutboxRelayTests {

    final List<String> sent = new ArrayList<>();
    boolean kafkaDown = true;

    final OutboxRelay relay = new OutboxRelay(kafka(), JsonMapper.builder().build(), "shop.orders",
            new StaticListableBeanFactory().getBeanProvider(io.micrometer.tracing.Tracer.class));

    @Test
    void shouldHoldBackALaterEventOfTheAggregateUntilTheOneThatFailedIsSent() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        EventEnvelope<String> placed = EventEnvelope.of("order-1", "placed", now);
        EventEnvelope<String> cancelled = EventEnvelope.of("order-1", "cancelled", now.plusSeconds(20));
        EventEnvelope<String> other = EventEnvelope.of("order-2", "placed", now.plusSeconds(21));

        assertThat(relay.relay(placed)).isCompletedExceptionally(); // Kafka down: placed waits for the retry
        kafkaDown = false;
        assertThat(relay.relay(cancelled)).as("held back behind placed").isCompletedExceptionally();
        assertThat(relay.relay(other).join()).as("another aggregate is not held back").isNotNull();

        relay.relay(placed).join(); // the retry's round: oldest first
        relay.relay(cancelled).join(); // and the next round

        assertThat(sent).containsExactly("order-2 \"placed\"", "order-1 \"placed\"", "order-1 \"cancelled\"");
    }

    @SuppressWarnings("unchecked")
    private KafkaOperations<String, String> kafka() {
        return (KafkaOperations<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { KafkaOperations.class }, (proxy, method, arguments) -> {
                    if (!method.getName().equals("send") || !(arguments[0] instanceof ProducerRecord<?, ?> record)) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (kafkaDown) {
                        return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
                    }
                    String value = (String) record.value();
                    sent.add(record.key() + " " + value.replaceAll(".*\"payload\":(\"[a-z]+\").*", "$1"));
                    return CompletableFuture.completedFuture(new SendResult<>((ProducerRecord<String, String>) record, null));
                });
    }
}
