package com.twelvestreet.platform.events;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;

import com.twelvestreet.platform.scheduling.FixedDelayJob;

/**
 * The outbox's retry: events whose publication to Kafka has not completed (the broker was down,
 * the send failed) are resubmitted every {@code interval}, not only at the next restart.
 */
public class OutboxRetry extends FixedDelayJob {

    private final IncompleteEventPublications publications;
    private final Duration interval;

    public OutboxRetry(IncompleteEventPublications publications, Duration interval) {
        super("outbox-retry", interval);
        this.publications = publications;
        this.interval = interval;
    }

    @Override
    protected void round() {
        publications.resubmitIncompletePublicationsOlderThan(interval);
    }
}
