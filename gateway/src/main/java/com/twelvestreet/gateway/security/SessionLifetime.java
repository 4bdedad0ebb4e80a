package com.twelvestreet.gateway.security;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;

/**
 * Sessions start short ({@code server.reactive.session.timeout}, minutes): a session that only began
 * a login and never finished it is gone soon, so no number of abandoned logins fills the store. A
 * completed login lengthens its session to {@code twelvestreet.gateway.session.logged-in-timeout}.
 */
class SessionLifetime implements ServerAuthenticationSuccessHandler {

    private final ServerAuthenticationSuccessHandler redirect = new RedirectServerAuthenticationSuccessHandler();
    private final Duration loggedIn;

    SessionLifetime(Duration loggedIn) {
        this.loggedIn = loggedIn;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        return exchange.getExchange().getSession()
                .doOnNext(session -> session.setMaxIdleTime(loggedIn))
                .then(redirect.onAuthenticationSuccess(exchange, authentication));
    }
}
