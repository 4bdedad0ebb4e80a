package com.twelvestreet.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * A browser's login lives in its session; a request without the session cookie cannot have one, so it is
 * not looked up. Asking WebFlux for the session of such a request makes a new one, which Spring Session's
 * Redis repository does on two other threads (a blocking-safe pool, then Reactor's parallel one), where the
 * rest of the request then ran: that was the price of every anonymous and every bearer-token request.
 */
class LoginsInSession implements ServerSecurityContextRepository {

    private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
    private final String sessionCookie;

    LoginsInSession(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return exchange.getRequest().getCookies().containsKey(sessionCookie) ? sessions.load(exchange) : Mono.empty();
    }
}
