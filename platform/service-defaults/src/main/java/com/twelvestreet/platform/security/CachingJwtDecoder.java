package com.twelvestreet.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A servlet resource server's decoder that decodes each bearer token once while it is valid ({@link VerifiedTokens}). */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder decoder;
    private final VerifiedTokens verified;

    CachingJwtDecoder(JwtDecoder decoder, VerifiedTokens verified) {
        this.decoder = decoder;
        this.verified = verified;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.find(token);
        return known != null ? known : verified.remember(token, decoder.decode(token));
    }
}
