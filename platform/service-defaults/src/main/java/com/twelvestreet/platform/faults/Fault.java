package com.twelvestreet.platform.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * What the fault switch makes a service do to its HTTP requests: answer each one {@code latencyMillis} late,
 * answer a share of them ({@code errorRate}, 0 to 1) with {@code errorStatus} instead of the real answer, and
 * refuse traffic on its readiness probe ({@code ready} false).
 */
public record Fault(long latencyMillis, double errorRate, int errorStatus, boolean ready) {

    public static final Fault NONE = new Fault(0, 0, 500, true);

    static final long MAX_LATENCY_MILLIS = 60_000;

    /** What is wrong with this fault as a request for one, or nothing. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (latencyMillis < 0 || latencyMillis > MAX_LATENCY_MILLIS) {
            problems.add("latencyMillis must be between 0 and " + MAX_LATENCY_MILLIS);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            problems.add("errorRate must be between 0 and 1");
        }
        if (errorStatus < 500 || errorStatus > 599) {
            problems.add("errorStatus must be a server error, 500 to 599");
        }
        return problems;
    }

    boolean isNone() {
        return latencyMillis == 0 && errorRate == 0 && ready;
    }

    @Override
    public String toString() {
        return isNone() ? "no fault" : "latency %d ms, %.0f %% answered %d, readiness %s".formatted(latencyMillis,
                errorRate * 100, errorStatus, ready ? "accepting traffic" : "refusing traffic");
    }
}
