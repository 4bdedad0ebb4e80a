package com.twelvestreet.platform.security;

import org.springframework.security.core.Authentication;

/**
 * Who is calling, as a service's own checks need it: the account id (the token's {@code sub}) and
 * whether the token carries the ADMIN role. Ownership is always decided from this, never from ids
 * a client sends.
 */
public record Caller(String accountId, boolean admin) {

    public static Caller of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Roles.ADMIN).equals(authority.getAuthority()));
        return new Caller(authentication.getName(), admin);
    }

    /** The owner may see their own resource; an admin may see everyone's. */
    public boolean maySee(String ownerId) {
        return admin || accountId.equals(ownerId);
    }
}
