package com.twelvestreet.oauth.config;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the oauth service ({@code twelvestreet.oauth.*}).
 *
 * @param signingKey where the token signing key lives
 * @param login      how failed logins are throttled
 * @param shopUrl    the shop's public address (the gateway), for links back from the login pages
 */
@ConfigurationProperties("twelvestreet.oauth")
@Validated
public record OauthProperties(@Valid @NotNull @DefaultValue SigningKey signingKey, @Valid @NotNull @DefaultValue Login login,
        @NotNull @DefaultValue("http://localhost:8080") String shopUrl) {

    /**
     * @param location         a JWK (JSON) file with the RSA private key; mount it from a Secret in Kubernetes
     * @param generateIfMissing create and keep a new key when the file does not exist (local runs)
     */
    public record SigningKey(@NotNull @DefaultValue("data/oauth-signing-key.json") Path location,
            @DefaultValue("true") boolean generateIfMissing) {
    }

    /**
     * @param maxFailures  wrong passwords in a row that lock an email
     * @param lockDuration how long it stays locked
     */
    public record Login(@Min(1) @DefaultValue("5") int maxFailures, @NotNull @DefaultValue("15m") Duration lockDuration) {
    }
}
