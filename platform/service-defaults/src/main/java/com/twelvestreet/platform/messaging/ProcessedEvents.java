package com.twelvestreet.platform.messaging;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent consumer's memory: handled event ids, in the service's {@code processed_events}
 * table (each service's Flyway migrations create it). Called in the transaction of the event's
 * effect, so both commit or neither.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time an event id is seen; false for a redelivery. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstTime(UUID eventId) {
        return jdbc.sql("insert into processed_events (event_id, processed_at) values (?, now()) on conflict do nothing")
                .param(eventId).update() == 1;
    }
}
