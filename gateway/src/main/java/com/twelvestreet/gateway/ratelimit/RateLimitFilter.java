package com.twelvestreet.gateway.ratelimit;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Spends a request from a token bucket in Redis (Spring Cloud Gateway's {@link RedisRateLimiter}, one
 * atomic Lua script per request) and refuses with 429 once the bucket is empty (the gateway's error handler
 * writes the problem, with {@code Retry-After}). It runs inside the security chain twice: before the login filters, for the login
 * budget per client address (a login flood never reaches the session store), and after authentication,
 * for the account's budget or, without an account, the client address's. Redis unavailable → the
 * request passes (fail open, {@link RedisOutage}), so an outage of Redis never takes the shop down with it.
 */
class RateLimitFilter implements WebFilter {

    static final String ACCOUNT = "account";
    static final String ANONYMOUS = "anonymous";
    static final String LOGIN = "login";

    private final Stage stage;
    private final RedisRateLimiter limiter;
    private final LoginPaths loginPaths;
    private final ClientAddress clientAddress;
    private final Map<String, RateLimitProperties.Budget> budgets;
    private final Map<String, Counter> refused = new HashMap<>();
    private final RedisOutage outage;

    RateLimitFilter(Stage stage, RedisRateLimiter limiter, RateLimitProperties properties, LoginPaths loginPaths,
            ClientAddress clientAddress, RedisOutage outage, MeterRegistry meters) {
        this.stage = stage;
        this.limiter = limiter;
        this.loginPaths = loginPaths;
        this.clientAddress = clientAddress;
        this.budgets = Map.of(ACCOUNT, properties.account(), ANONYMOUS, properties.anonymous(),
                LOGIN, properties.login());
        budgets.keySet().forEach(budget -> refused.put(budget, Counter.builder("gateway.rate.limit")
                .description("Requests refused (429) because their budget was spent")
                .tag("budget", budget).tag("outcome", "refused").register(meters)));
        this.outage = outage;
    }

    /** Where in the security chain a filter runs, and so which budget it spends. */
    enum Stage {
        /** before the login filters: only login, sign-up and device-flow requests, per client address */
        LOGIN,
        /** after authentication: every request, per account or per client address */
        CALLER
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (stage == Stage.LOGIN) {
            return loginPaths.matches(exchange.getRequest())
                    ? spend(LOGIN, "address:" + clientAddress.of(exchange.getRequest()), exchange, chain)
                    : chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(RateLimitFilter::isAccount)
                .map(account -> Map.entry(ACCOUNT, "account:" + account.getName()))
                .defaultIfEmpty(Map.entry(ANONYMOUS, "address:" + clientAddress.of(exchange.getRequest())))
                .flatMap(caller -> spend(caller.getKey(), caller.getValue(), exchange, chain));
    }

    private static boolean isAccount(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private Mono<Void> spend(String budget, String caller, ServerWebExchange exchange, WebFilterChain chain) {
        return limiter.isAllowed(budget, caller).flatMap(response -> {
            long remaining = remaining(response);
            if (remaining < 0) {
                outage.letThrough();
                return chain.filter(exchange);
            }
            RateLimitProperties.Budget limits = budgets.get(budget);
            ServerHttpResponse http = exchange.getResponse();
            http.getHeaders().set("RateLimit-Limit", String.valueOf(limits.burstCapacity()));
            http.getHeaders().set("RateLimit-Remaining", String.valueOf(remaining));
            if (response.isAllowed()) {
                return chain.filter(exchange);
            }
            refused.get(budget).increment();
            return Mono.error(tooManyRequests(budget, limits));
        });
    }

    private static long remaining(RateLimiter.Response response) {
        String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
        return remaining == null ? -1 : Long.parseLong(remaining);
    }

    /** A refusal the gateway's error handler turns into the 429 problem, with these headers and the budget. */
    private static ErrorResponseException tooManyRequests(String budget, RateLimitProperties.Budget limits) {
        // one token comes back every 1/replenishRate seconds: a second is always enough for the next request
        String retryAfter = "1";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many requests: the "
                + budget + " budget allows " + limits.replenishRate() + " per second with bursts of "
                + limits.burstCapacity() + ". Try again in " + retryAfter + " s.");
        problem.setProperty("budget", budget);
        ErrorResponseException refusal = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        refusal.getHeaders().set("Retry-After", retryAfter);
        refusal.getHeaders().set("RateLimit-Reset", retryAfter);
        return refusal;
    }
}
