package com.twelvestreet.platform.test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.twelvestreet.platform.events.EventEnvelope;

/** Plays the other services' part on the real broker: sends their events, reads what orders publishes. */
public final class SagaEvents implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String brokers;
    private final Producer<String, String> producer;

    public SagaEvents(String brokers) {
        this.brokers = brokers;
        this.producer = KafkaTestClients.producer(brokers);
    }

    /** Sends an event in a fresh envelope and returns the envelope (to send it again, as a redelivery). */
    public EventEnvelope<Object> send(String topic, String aggregateId, Object event) {
        EventEnvelope<Object> envelope = EventEnvelope.of(aggregateId, event, Instant.now());
        send(topic, aggregateId, JSON.writeValueAsString(envelope));
        return envelope;
    }

    public void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
        catch (InterruptedException | ExecutionException ex) {
            throw new IllegalStateException("could not send to " + topic, ex);
        }
    }

    public Consumer<String, String> consumer(String topic) {
        return KafkaTestClients.consumer(brokers, topic);
    }

    /** The next {@code count} envelopes published with the key, as JSON. */
    public static List<JsonNode> next(Consumer<String, String> consumer, UUID key, int count) {
        return KafkaTestClients.next(consumer, key.toString(), count).stream()
                .map(ConsumerRecord::value).map(JSON::readTree).toList();
    }

    @Override
    public void close() {
        producer.close();
    }
}
