package com.twelvestreet.platform.security;

/** Claim names of 12 Street access tokens, shared by the issuer, the services and the tests. */
public final class TokenClaims {

    public static final String ROLES = "roles";
    public static final String EMAIL = "email";
    public static final String NICKNAME = "nickname";

    private TokenClaims() {
    }
}
