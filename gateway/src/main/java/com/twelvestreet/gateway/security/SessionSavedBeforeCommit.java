package com.twelvestreet.gateway.security;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The requests that write the session (starting a login, its callback, logging out) save it before the
 * response is sent. WebFlux saves a session as the response commits, where a failure — Redis down — can
 * only end in Netty's bare 500; saved first, the failure reaches the error handler and the browser gets a
 * 503 problem. A session that could not be saved is marked expired, so the commit does not try again.
 */
@Component
class SessionSavedBeforeCommit implements WebFilter, Ordered {

    private static final List<PathPattern> SESSION_WRITERS = List.of("/oauth2/authorization/**", "/login/oauth2/code/**",
            "/logout").stream().map(PathPatternParser.defaultInstance::parse).toList();

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20; // around Spring Security's filter chain
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean writesSession = SESSION_WRITERS.stream()
                .anyMatch(pattern -> pattern.matches(exchange.getRequest().getPath().pathWithinApplication()));
        return writesSession ? chain.filter(exchange).then(Mono.defer(() -> saveUnlessSent(exchange)))
                : chain.filter(exchange);
    }

    private static Mono<Void> saveUnlessSent(ServerWebExchange exchange) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        return exchange.getSession().filter(WebSession::isStarted)
                .flatMap(session -> session.save().doOnError(failed -> session.setMaxIdleTime(Duration.ZERO)));
    }
}
