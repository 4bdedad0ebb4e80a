package com.twelvestreet.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every 12 Street event looks like on Kafka: an id for idempotent consumers, the event's name
 * and schema version, when it happened, the aggregate it belongs to (also the record key, so one
 * aggregate's events stay in order) and the event itself.
 */
public record EventEnvelope<T>(UUID eventId, String eventType, int version, Instant occurredAt, String aggregateId,
        T payload) {

    public static <T> EventEnvelope<T> of(String aggregateId, T payload, Instant occurredAt) {
        return new EventEnvelope<>(UUID.randomUUID(), payload.getClass().getSimpleName(), 1, occurredAt, aggregateId,
                payload);
    }
}
