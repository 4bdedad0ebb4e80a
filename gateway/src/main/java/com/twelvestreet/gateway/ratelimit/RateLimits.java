package com.twelvestreet.gateway.ratelimit;

import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.web.server.WebFilter;

/** Puts the rate-limit filters into the gateway's security chain (see {@link RateLimitFilter}). */
public record RateLimits(WebFilter beforeLogin, WebFilter afterAuthentication) {

    static final RateLimits NONE = new RateLimits(null, null);

    public ServerHttpSecurity applyTo(ServerHttpSecurity http) {
        if (beforeLogin != null) {
            // the authorization-request redirect (a new session per request) sits at HTTP_BASIC
            http.addFilterBefore(beforeLogin, SecurityWebFiltersOrder.HTTP_BASIC);
        }
        if (afterAuthentication != null) {
            http.addFilterAfter(afterAuthentication, SecurityWebFiltersOrder.AUTHENTICATION);
        }
        return http;
    }
}
