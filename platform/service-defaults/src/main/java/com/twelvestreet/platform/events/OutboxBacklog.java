package com.twelvestreet.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code twelvestreet.outbox.backlog}: events committed but not yet acknowledged by Kafka (publications without a
 * completion; completed ones are deleted), counted at each scrape. It grows while the broker is away and drains when
 * the relay catches up; one that stays above zero is a saga that waits.
 */
public class OutboxBacklog implements MeterBinder {

    private final JdbcClient jdbc;

    OutboxBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("twelvestreet.outbox.backlog", this, backlog -> backlog.count())
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(registry);
    }

    public long count() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }
}
