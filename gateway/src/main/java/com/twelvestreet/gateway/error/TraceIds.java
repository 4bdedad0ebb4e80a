package com.twelvestreet.gateway.error;

import java.util.Optional;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;

import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace id of a request through the gateway, from its server observation (a reactive chain has no MDC to read it
 * from), for the problem details the gateway answers: a user who quotes it finds the request in Zipkin and the logs.
 */
public final class TraceIds {

    private TraceIds() {
    }

    public static Optional<String> of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .map(Span::context)
                .map(context -> context.traceId());
    }

    /** The problem, with the request's trace id where it has one. */
    public static ProblemDetail addTo(ProblemDetail problem, ServerWebExchange exchange) {
        of(exchange).ifPresent(traceId -> problem.setProperty("traceId", traceId));
        return problem;
    }
}
