package com.twelvestreet.platform.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/** A trace context as a W3C {@code traceparent} value ({@code 00-<trace id>-<span id>-<flags>}), and back. */
final class TraceParent {

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private TraceParent() {
    }

    /** The current span's context, or null when nothing is traced here. */
    static String current(Tracer tracer) {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        TraceContext context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-" + (Boolean.FALSE.equals(context.sampled()) ? "00" : "01");
    }

    /** The context a value names, or null for a missing or malformed value. */
    static TraceContext parse(Tracer tracer, String traceparent) {
        Matcher parts = traceparent == null ? null : FORMAT.matcher(traceparent);
        if (parts == null || !parts.matches()) {
            return null;
        }
        return tracer.traceContextBuilder().traceId(parts.group(1)).spanId(parts.group(2))
                .sampled((Integer.parseInt(parts.group(3), 16) & 1) == 1).build();
    }
}
