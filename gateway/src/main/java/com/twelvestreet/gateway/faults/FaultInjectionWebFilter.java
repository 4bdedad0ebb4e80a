package com.twelvestreet.gateway.faults;

import java.time.Duration;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.twelvestreet.platform.faults.Fault;
import com.twelvestreet.platform.faults.FaultSwitch;

/**
 * The platform's fault switch ({@code /actuator/faults} on the management port, ADMIN only) applied to the
 * gateway's own traffic: every route and page answered late, or a share of them with an error, without blocking
 * a Netty thread. Probes and the actuator are never touched. Exists only where {@code twelvestreet.faults.enabled}.
 */
@Component
@ConditionalOnBooleanProperty("twelvestreet.faults.enabled")
class FaultInjectionWebFilter implements WebFilter, Ordered {

    private static final Set<String> PROBES = Set.of("/readyz", "/livez");

    private final FaultSwitch faults;

    FaultInjectionWebFilter(FaultSwitch faults) {
        this.faults = faults;
    }

    /** Right after the request limits, before security and the rate limits: a slow gateway is slow for everyone. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 11;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        Fault fault = faults.current();
        if (path.startsWith("/actuator/") || PROBES.contains(path)
                || (fault.latencyMillis() == 0 && fault.errorRate() == 0)) {
            return chain.filter(exchange);
        }
        Mono<Void> answer = Mono.defer(() -> {
            if (faults.fails(fault)) {
                return Mono.error(new InjectedFault(HttpStatus.valueOf(fault.errorStatus())));
            }
            return chain.filter(exchange);
        });
        if (fault.latencyMillis() == 0) {
            return answer;
        }
        faults.delaying();
        return Mono.delay(Duration.ofMillis(fault.latencyMillis())).then(answer);
    }

}
