package com.twelvestreet.platform.messaging;

import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent consumer's front door: reads a message as an event envelope and hands it on only
 * the first time its id is seen, remembering the id in the listener's transaction (so the id and
 * the event's effect commit together, or neither does). A message that is not an envelope throws,
 * and so ends in the dead-letter topic after the retries.
 */
public class Inbox {

    private final JsonMapper json;
    private final ProcessedEvents processed;

    public Inbox(JsonMapper json, ProcessedEvents processed) {
        this.json = json;
        this.processed = processed;
    }

    /** The event, or empty when it was handled before (a redelivery or a replay). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<IncomingEvent> receive(String message) {
        IncomingEvent event = IncomingEvent.read(json, message);
        return processed.firstTime(event.eventId()) ? Optional.of(event) : Optional.empty();
    }
}
