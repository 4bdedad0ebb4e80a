package com.twelvestreet.platform.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A bearer token is verified once while it is valid; a changed, refused or expired token never comes from memory. */
class VerifiedTokensTests {

    static final KeyPair KEYS = rsaKeys();

    final AtomicInteger decoded = new AtomicInteger();
    final JwtDecoder signatureChecking = accessTokenDecoder();
    final JwtDecoder counting = token -> {
        decoded.incrementAndGet();
        return signatureChecking.decode(token);
    };
    final MovableClock clock = new MovableClock();

    @Test
    void shouldVerifyATokenOnceWhileItIsValid() {
        JwtDecoder decoder = new CachingJwtDecoder(counting, new VerifiedTokens(100, clock));
        String token = token("alice", Instant.now().plusSeconds(300));

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("alice");
        assertThat(decoded).hasValue(1);
    }

    @Test
    void shouldRefuseATokenWhoseClaimsWereChangedAfterTheOriginalWasKept() {
        JwtDecoder decoder = new CachingJwtDecoder(counting, new VerifiedTokens(100, clock));
        String token = token("alice", Instant.now().plusSeconds(300));
        decoder.decode(token);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + token("mallory", Instant.now().plusSeconds(300)).split("\\.")[1] + "." + parts[2];

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(forged));
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(forged));
        assertThat(decoded).as("a refused token is checked every time").hasValue(3);
    }

    @Test
    void shouldCheckATokenAgainOnceItsExpiryHasPassed() {
        JwtDecoder decoder = new CachingJwtDecoder(counting, new VerifiedTokens(100, clock));
        Instant expiry = Instant.now().plusSeconds(300);
        String token = token("alice", expiry);
        decoder.decode(token);

        clock.now = expiry;
        decoder.decode(token);

        assertThat(decoded).hasValue(2);
    }

    @Test
    void shouldKeepNoMoreTokensThanItsBound() {
        VerifiedTokens verified = new VerifiedTokens(10, clock);
        JwtDecoder decoder = new CachingJwtDecoder(counting, verified);
        for (int i = 0; i < 50; i++) {
            decoder.decode(token("shopper-" + i, Instant.now().plusSeconds(300)));
        }
        assertThat(verified.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void shouldWrapEveryDecoderUnlessSwitchedOff() {
        ApplicationContextRunner contexts = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(VerifiedTokensAutoConfiguration.class))
                .withBean(JwtDecoder.class, () -> signatureChecking);
        contexts.run(context -> assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(CachingJwtDecoder.class));
        contexts.withPropertyValues("twelvestreet.security.verified-tokens.enabled=false")
                .run(context -> assertThat(context.getBean(JwtDecoder.class)).isSameAs(signatureChecking));
    }

    static JwtDecoder accessTokenDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(AccessTokens.typeValidator()));
        return decoder;
    }

    static String token(String subject, Instant expiresAt) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType(AccessTokens.TYPE)).build(),
                    new JWTClaimsSet.Builder().subject(subject).issueTime(new Date()).expirationTime(Date.from(expiresAt)).build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            return jwt.serialize();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static final class MovableClock extends Clock {

        Instant now = Instant.now();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
