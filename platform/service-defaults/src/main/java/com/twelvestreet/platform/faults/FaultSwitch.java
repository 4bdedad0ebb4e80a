package com.twelvestreet.platform.faults;

import java.util.concurrent.atomic.AtomicReference;

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

    FaultSwitch(ApplicationEventPublisher events) {
        this.events = events;
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
