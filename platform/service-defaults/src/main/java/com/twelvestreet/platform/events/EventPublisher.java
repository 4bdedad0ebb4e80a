package com.twelvestreet.platform.events;

import java.time.Clock;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes a service's events through the outbox (Spring Modulith's publication registry, in the caller's
 * transaction), each in an {@link EventEnvelope} that carries the trace of the work that caused it: the request or
 * the consumed event being handled, or a trace the caller kept for later (a courier acting on a delivery minutes
 * after the order's confirmation). The relay to Kafka continues that trace, so one order is one trace.
 */
public class EventPublisher {

    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<Tracer> tracer;

    public EventPublisher(ApplicationEventPublisher events, Clock clock, ObjectProvider<Tracer> tracer) {
        this.events = events;
        this.clock = clock;
        this.tracer = tracer;
    }

    /** Publishes {@code payload} for the aggregate, in the trace of the work being done now. */
    public <T> EventEnvelope<T> publish(String aggregateId, T payload) {
        return publish(aggregateId, payload, currentTrace());
    }

    /** Publishes {@code payload} in the trace {@code traceparent} names (as {@link #currentTrace()} gave it). */
    public <T> EventEnvelope<T> publish(String aggregateId, T payload, String traceparent) {
        EventEnvelope<T> envelope = EventEnvelope.of(aggregateId, payload, clock.instant(), traceparent);
        events.publishEvent(envelope);
        return envelope;
    }

    /** The trace of the work being done now, as a W3C {@code traceparent}, to keep; null if none. */
    public String currentTrace() {
        return TraceParent.current(tracer.getIfAvailable(() -> Tracer.NOOP));
    }
}
