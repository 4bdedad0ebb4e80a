package com.twelvestreet.platform.security;

/** The roles a 12 Street account can hold. */
public final class Roles {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
