package com.twelvestreet.platform.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The outbox's retry: events whose publication to Kafka has not completed (the broker was down,
 * the send failed) are resubmitted every {@code interval}, not only at the next restart.
 */
public class OutboxRetry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);

    private final IncompleteEventPublications publications;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public OutboxRetry(IncompleteEventPublications publications, Duration interval) {
        this.publications = publications;
        this.interval = interval;
    }

    private void resubmit() {
        try {
            publications.resubmitIncompletePublicationsOlderThan(interval);
        }
        catch (RuntimeException ex) {
            log.warn("Resubmitting incomplete event publications failed; trying again in {}", interval, ex);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "outbox-retry"));
        scheduler.scheduleWithFixedDelay(this::resubmit, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
