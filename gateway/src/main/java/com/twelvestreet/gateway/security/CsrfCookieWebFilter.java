package com.twelvestreet.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Spring Security creates the CSRF token lazily; subscribing to it makes sure the XSRF-TOKEN cookie
 * reaches the browser before the single-page app first needs it. Only requests that ride on the session
 * cookie need one (SecurityConfig checks the token on those only), so a request without a session, or with
 * its own bearer token, gets no cookie: no token made and no Set-Cookie written on every anonymous call.
 */
@Component
class CsrfCookieWebFilter implements WebFilter {

    private final String sessionCookie;

    CsrfCookieWebFilter(@Value("${server.reactive.session.cookie.name}") String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null || !ridesOnSession(exchange.getRequest()) ? chain.filter(exchange)
                : token.then(chain.filter(exchange));
    }

    private boolean ridesOnSession(ServerHttpRequest request) {
        return request.getCookies().containsKey(sessionCookie)
                && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    }
}
