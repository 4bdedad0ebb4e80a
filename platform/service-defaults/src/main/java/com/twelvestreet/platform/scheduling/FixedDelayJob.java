package com.twelvestreet.platform.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A round of background work on a thread of its own, every {@code delay} after the previous round ended (the first
 * one {@code delay} after start), started and stopped with the application context.
 */
public abstract class FixedDelayJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FixedDelayJob.class);

    private final String threadName;
    private final Duration delay;
    private ScheduledExecutorService scheduler;

    protected FixedDelayJob(String threadName, Duration delay) {
        this.threadName = threadName;
        this.delay = delay;
    }

    /** One round; if it fails, the failure is logged and the next round runs as planned. */
    protected abstract void round();

    private void guardedRound() {
        try {
            round();
        }
        catch (RuntimeException ex) {
            log.warn("{} round failed; trying again in {}", threadName, delay, ex);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, threadName));
        scheduler.scheduleWithFixedDelay(this::guardedRound, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
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
