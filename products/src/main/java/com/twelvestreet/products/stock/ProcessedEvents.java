package com.twelvestreet.products.stock;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Remembers handled event ids; called in the transaction of the event's effect, so both commit or neither. */
@Component
public class ProcessedEvents {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessedEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time an event id is seen; false for a redelivery. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstTime(UUID eventId) {
        return jdbc.sql("insert into processed_events (event_id, processed_at) values (?, ?) on conflict do nothing")
                .param(eventId).param(Timestamp.from(clock.instant())).update() == 1;
    }
}
