package com.twelvestreet.platform.messaging;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event envelope as a listener receives it: its id (for {@link ProcessedEvents}), its type (to
 * dispatch on), when it happened, and its payload, read into the contract record the listener
 * expects. A message that is not an envelope fails here, and so ends in the dead-letter topic
 * after the retries.
 */
public final class IncomingEvent {

    private final UUID eventId;
    private final String eventType;
    private final Instant occurredAt;
    private final JsonNode payload;
    private final JsonMapper json;

    private IncomingEvent(UUID eventId, String eventType, Instant occurredAt, JsonNode payload, JsonMapper json) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.occurredAt = occurredAt;
        this.payload = payload;
        this.json = json;
    }

    public static IncomingEvent read(JsonMapper json, String message) {
        JsonNode envelope = json.readTree(message);
        return new IncomingEvent(UUID.fromString(envelope.required("eventId").asString()),
                envelope.required("eventType").asString(), Instant.parse(envelope.required("occurredAt").asString()),
                envelope.required("payload"), json);
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public <T> T payload(Class<T> type) {
        return json.treeToValue(payload, type);
    }
}
