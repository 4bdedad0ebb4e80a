package com.twelvestreet.platform.faults;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/** The fault a service is told to show, and its readiness to match. */
public class FaultSwitch {

    private static final Logger log = LoggerFactory.getLogger(FaultSwitch.class);

    private final AtomicReference<Fault> current = new AtomicReference<>(Fault.NONE);

    private final ApplicationEventPublisher events;

    private final Counter delayed;

    private final Counter failed;

    FaultSwitch(ApplicationEventPublisher events, MeterRegistry meters) {
        this.events = events;
        this.delayed = meters.counter("twelvestreet.faults.injected", "kind", "latency");
        this.failed = meters.counter("twelvestreet.faults.injected", "kind", "error");
    }

    /** Counts a request the fault is about to delay. */
    public void delaying() {
        delayed.increment();
    }

    /** Whether this request is one of the share the fault answers with an error (counted when it is). */
    public boolean fails(Fault fault) {
        if (fault.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < fault.errorRate()) {
            failed.increment();
            return true;
        }
        return false;
    }

    public Fault current() {
        return current.get();
    }

    /** Replaces the fault (the readiness probe follows) and logs who did it. */
    public Fault set(Fault fault, String by) {
        Fault before = current.getAndSet(fault);
        if (before.ready() != fault.ready()) {
            AvailabilityChangeEvent.publish(events, this,
                    fault.ready() ? ReadinessState.ACCEPTING_TRAFFIC : ReadinessState.REFUSING_TRAFFIC);
        }
        log.warn("Fault switch set by {}: {} (was: {})", by, fault, before);
        return fault;
    }
}
