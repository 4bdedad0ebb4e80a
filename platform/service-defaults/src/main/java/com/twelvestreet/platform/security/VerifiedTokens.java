package com.twelvestreet.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Bearer tokens that the resource server's decoder has already accepted, each kept until its {@code exp}, so a
 * shopper's next requests skip the signature check and claim conversion (6 % of orders' and 11 % of mypage's CPU
 * samples under load in the profiles of docs/benchmarks.md, efficiency step 2, and again in the gateway). The key
 * is the whole token, signature included: a changed token is a different key and goes through the decoder.
 * Refused tokens are never kept, and a kept token leaves before the decoder's own expiry check (which allows clock
 * skew) would refuse it. Bounded in size.
 */
public final class VerifiedTokens {

    private final Cache<String, Jwt> tokens;
    private final Clock clock;

    public VerifiedTokens(long maximumSize, Clock clock) {
        this.clock = clock;
        this.tokens = Caffeine.newBuilder().maximumSize(maximumSize)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> lifetimeLeft(jwt)))
                .build();
    }

    /** The token as decoded before, or null when it has not been (or no longer is) kept. */
    public @Nullable Jwt find(String token) {
        Jwt jwt = tokens.getIfPresent(token);
        return jwt == null || expired(jwt) ? null : jwt;
    }

    /** Keeps a token the decoder accepted; a token without an expiry is not kept. */
    public Jwt remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() != null && !expired(jwt)) {
            tokens.put(token, jwt);
        }
        return jwt;
    }

    long size() {
        tokens.cleanUp();
        return tokens.estimatedSize();
    }

    // Caffeine's timer is coarse (about a second); the token's own expiry is checked on every hit as well
    private boolean expired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt == null || !clock.instant().isBefore(expiresAt);
    }

    private Duration lifetimeLeft(Jwt jwt) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
