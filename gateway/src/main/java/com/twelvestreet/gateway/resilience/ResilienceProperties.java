package com.twelvestreet.gateway.resilience;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway protects itself and the shop from a failing service
 * ({@code twelvestreet.gateway.resilience.*}); one circuit breaker and one bulkhead per route.
 *
 * @param timeout              longest wait for a service's answer before the fallback answers
 * @param failureRateThreshold percentage of failed calls that opens the circuit
 * @param slidingWindowSize    number of recent calls the failure rate is computed over
 * @param minimumCalls         calls needed before the failure rate counts
 * @param waitInOpenState      how long an open circuit answers fallbacks before it tries again
 * @param halfOpenCalls        trial calls that decide whether the circuit closes again
 * @param maxConcurrentCalls   calls in flight per service before further ones get the fallback at once;
 *                             sized for the gateway's event loop, well above the 25-call library default
 *                             that turned a 50-user load into fallbacks
 */
@ConfigurationProperties("twelvestreet.gateway.resilience")
@Validated
public record ResilienceProperties(
        @NotNull @DefaultValue("3s") Duration timeout,
        @Min(1) @Max(100) @DefaultValue("50") int failureRateThreshold,
        @Min(1) @DefaultValue("20") int slidingWindowSize,
        @Min(1) @DefaultValue("10") int minimumCalls,
        @NotNull @DefaultValue("5s") Duration waitInOpenState,
        @Min(1) @DefaultValue("3") int halfOpenCalls,
        @Min(1) @DefaultValue("400") int maxConcurrentCalls) {
}
