package com.twelvestreet.oauth.account;

/** What an account may do; the names travel in the access token's {@code roles} claim. */
public enum Role {
    CUSTOMER, ADMIN
}
