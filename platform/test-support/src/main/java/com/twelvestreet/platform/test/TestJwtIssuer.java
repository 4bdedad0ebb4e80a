package com.twelvestreet.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import com.twelvestreet.platform.security.AccessTokens;

/**
 * A stand-in token issuer for service tests: an RSA key, a JWKS endpoint on loopback at
 * {@code <issuer>/oauth2/jwks} (the path the oauth service serves), and RS256 access tokens shaped like
 * 12 Street's ({@code typ: at+jwt}), plus the kinds a resource server must refuse: broken ones and
 * ID tokens. One per test JVM.
 */
public final class TestJwtIssuer {

    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType(AccessTokens.TYPE);

    private static TestJwtIssuer shared;

    private final RSAKey signingKey;
    private final RSAKey foreignKey;
    private final String issuer;

    private TestJwtIssuer() {
        try {
            signingKey = new RSAKeyGenerator(2048).keyID("test-signing-key").generate();
            foreignKey = new RSAKeyGenerator(2048).keyID("test-signing-key").generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
            issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot generate test keys", ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start the test JWKS endpoint", ex);
        }
    }

    public static synchronized TestJwtIssuer shared() {
        if (shared == null) {
            shared = new TestJwtIssuer();
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    /** A valid token for 15 minutes. */
    public String token(String subject, String... roles) {
        return sign(signingKey, claims(subject, issuer, Instant.now().plus(Duration.ofMinutes(15)), roles));
    }

    public String expiredToken(String subject, String... roles) {
        return sign(signingKey, claims(subject, issuer, Instant.now().minus(Duration.ofMinutes(5)), roles));
    }

    /** Same key id, different key: the signature does not verify. */
    public String tokenWithWrongSignature(String subject, String... roles) {
        return sign(foreignKey, claims(subject, issuer, Instant.now().plus(Duration.ofMinutes(15)), roles));
    }

    public String tokenFromIssuer(String otherIssuer, String subject, String... roles) {
        return sign(signingKey, claims(subject, otherIssuer, Instant.now().plus(Duration.ofMinutes(15)), roles));
    }

    /**
     * An ID token as oauth issued them before they lost their roles: same key and issuer, audience the
     * client, {@code typ: JWT}. Valid in every other respect, so only its type can make a service refuse it.
     */
    public String idToken(String subject, String audience, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(subject, issuer, Instant.now().plus(Duration.ofMinutes(15)), roles))
                .audience(audience).build();
        return sign(signingKey, JOSEObjectType.JWT, claims);
    }

    /** {@code alg: none}: no signature at all. */
    public String unsignedToken(String subject, String... roles) {
        return new PlainJWT(claims(subject, issuer, Instant.now().plus(Duration.ofMinutes(15)), roles)).serialize();
    }

    private static JWTClaimsSet claims(String subject, String issuer, Instant expiresAt, String... roles) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(expiresAt))
                .claim("email", subject + "@12street.test")
                .claim("nickname", subject)
                .claim("roles", List.of(roles))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        return sign(key, ACCESS_TOKEN, claims);
    }

    private static String sign(RSAKey key, JOSEObjectType type, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot sign test token", ex);
        }
    }
}
