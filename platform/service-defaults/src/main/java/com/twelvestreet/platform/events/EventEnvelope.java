package com.twelvestreet.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every 12 Street event looks like on Kafka: an id for idempotent consumers, the event's name
 * and schema version, when it happened, the aggregate it belongs to (also the record key, so one
 * aggregate's events stay in order) and the event itself; and the trace of the work that caused it (W3C
 * {@code traceparent}, null if it was not traced), kept with the event in the outbox so its relay to Kafka, which
 * runs later on another thread, continues that trace ({@link EventPublisher}).
 */
public record EventEnvelope<T>(UUID eventId, String eventType, int version, Instant occurredAt, String aggregateId,
        T payload, String traceparent) {

    public static <T> EventEnvelope<T> of(String aggregateId, T payload, Instant occurredAt) {
        return of(aggregateId, payload, occurredAt, null);
    }

    public static <T> EventEnvelope<T> of(String aggregateId, T payload, Instant occurredAt, String traceparent) {
        return new EventEnvelope<>(UUID.randomUUID(), payload.getClass().getSimpleName(), 1, occurredAt, aggregateId,
                payload, traceparent);
    }
}
