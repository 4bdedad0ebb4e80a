package com.twelvestreet.platform.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * Only access tokens open APIs. oauth marks its access tokens {@code typ: at+jwt} (RFC 9068); an ID
 * token (plain {@code JWT}) is signed by the same key and names the same issuer, so without this check
 * the ID token a browser sees in the logout redirect would work as a bearer token.
 */
public final class AccessTokens {

    /** The JOSE {@code typ} header of an access token (RFC 9068, section 2.1). */
    public static final String TYPE = "at+jwt";

    private AccessTokens() {
    }

    /** Refuses any JWT whose {@code typ} is not {@value #TYPE}, including tokens without a {@code typ}. */
    public static OAuth2TokenValidator<Jwt> typeValidator() {
        return new JwtTypeValidator(TYPE);
    }
}
