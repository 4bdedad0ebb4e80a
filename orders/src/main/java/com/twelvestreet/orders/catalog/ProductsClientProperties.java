package com.twelvestreet.orders.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The call to the products service ({@code twelvestreet.orders.products.*}). The defaults keep a
 * failing call, with its retry, well under a second, so placing an order answers fast either way.
 *
 * @param baseUrl       {@code http://products} resolves through Eureka and the load balancer
 * @param connectTimeout to open a connection
 * @param readTimeout   to wait for the answer of one attempt
 * @param maxAttempts   attempts of one lookup when the connection fails or products answers 5xx
 * @param retryBackoff  wait before the second attempt, doubled for each further one
 * @param breakerWindow calls the circuit breaker looks at
 * @param breakerOpenFor how long an open breaker refuses calls before it tries again
 * @param maxConcurrentCalls bulkhead: lookups in flight at once; more fail over to the replica at once
 */
@ConfigurationProperties("twelvestreet.orders.products")
public record ProductsClientProperties(
        @DefaultValue("http://products") String baseUrl,
        @DefaultValue("300ms") Duration connectTimeout,
        @DefaultValue("700ms") Duration readTimeout,
        @DefaultValue("2") int maxAttempts,
        @DefaultValue("50ms") Duration retryBackoff,
        @DefaultValue("20") int breakerWindow,
        @DefaultValue("10s") Duration breakerOpenFor,
        @DefaultValue("200") int maxConcurrentCalls) {
}
