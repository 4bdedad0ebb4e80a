package com.twelvestreet.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request budgets at the gateway ({@code twelvestreet.gateway.rate-limits.*}), token buckets kept in
 * Redis so every gateway replica draws from the same bucket. README "Limits at the edge".
 *
 * @param enabled   off only for experiments; a benchmark raises the budgets instead
 * @param account   per account (the token's or the session's {@code sub}) for authenticated calls
 * @param anonymous per client address for calls without an account
 * @param login     per client address for starting a login, logging in, signing up and the device
 *                  flow: each costs a password hash or an authorization, so it is the tightest
 */
@ConfigurationProperties("twelvestreet.gateway.rate-limits")
@Validated
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @Valid @DefaultValue({ "50", "100" }) Budget account,
        @NotNull @Valid @DefaultValue({ "100", "200" }) Budget anonymous,
        @NotNull @Valid @DefaultValue({ "1", "20" }) Budget login) {

    /**
     * @param replenishRate requests per second the bucket refills with, for steady use
     * @param burstCapacity requests the bucket holds, for a burst after a quiet moment
     */
    public record Budget(@Min(1) int replenishRate, @Min(1) int burstCapacity) {
    }
}
