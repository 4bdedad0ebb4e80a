package com.twelvestreet.platform.messaging;

import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event envelope as a listener receives it: its id (for {@link ProcessedEvents}), its type (to
 * dispatch on) and its payload, read into the contract record the listener expects. A message that
 * is not an envelope fails here, and so ends in the dead-letter topic after the retries.
 */
public record IncomingEvent(UUID eventId, String eventType, JsonNode payload, JsonMapper json) {

    public static IncomingEvent read(JsonMapper json, String message) {
        JsonNode envelope = json.readTree(message);
        return new IncomingEvent(UUID.fromString(envelope.required("eventId").asString()),
                envelope.required("eventType").asString(), envelope.required("payload"), json);
    }

    public <T> T payload(Class<T> type) {
        return json.treeToValue(payload, type);
    }
}
