package com.twelvestreet.gateway.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests let through unchecked while Redis does not answer: counted in
 * {@code gateway.rate.limit{outcome="unavailable"}} and logged at most every ten seconds, however
 * many requests pass (Spring Cloud Gateway's own per-request error log is switched off).
 */
final class RedisOutage {

    private static final Logger log = LoggerFactory.getLogger(RedisOutage.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Counter unchecked;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    RedisOutage(MeterRegistry meters) {
        this.unchecked = Counter.builder("gateway.rate.limit").tag("budget", "any").tag("outcome", "unavailable")
                .description("Requests let through unchecked because Redis did not answer").register(meters);
    }

    void letThrough() {
        unchecked.increment();
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Rate limits are not checked: Redis does not answer, so requests pass unchecked ({} so far)",
                    (long) unchecked.count());
        }
    }
}
