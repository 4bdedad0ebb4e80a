package com.twelvestreet.orders.catalog;

import java.net.ConnectException;
import java.time.Duration;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The products call: a load-balanced RestClient (instances from Eureka) with its own timeouts,
 * and the Resilience4j retry, circuit breaker and bulkhead named {@code products}, whose state
 * and counts appear in {@code /actuator/prometheus} (resilience4j_*).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProductsClientProperties.class)
class ProductsClientConfig {

    static final String NAME = "products";

    @Bean
    CircuitBreakerRegistry circuitBreakers(ProductsClientProperties properties) {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(properties.breakerWindow())
                .minimumNumberOfCalls(Math.max(5, properties.breakerWindow() / 2))
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(3)
                .build());
    }

    @Bean
    RetryRegistry retries(ProductsClientProperties properties) {
        return RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(properties.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.retryBackoff(), 2.0))
                .retryOnException(ProductsClientConfig::worthRetrying)
                .build());
    }

    @Bean
    BulkheadRegistry bulkheads(ProductsClientProperties properties) {
        return BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    @Bean
    MeterBinder productsCallMetrics(CircuitBreakerRegistry breakers, RetryRegistry retries, BulkheadRegistry bulkheads) {
        return registry -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
            TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
            TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
        };
    }

    @Bean
    ProductsClient productsClient(RestClient.Builder builder, DeferringLoadBalancerInterceptor loadBalancer,
            ProductsClientProperties properties, CircuitBreakerRegistry breakers, RetryRegistry retries,
            BulkheadRegistry bulkheads) {
        // Apache HttpClient: a blocking call on the request's own thread from a pool of kept-alive connections.
        // The JDK client used before completed every call through CompletableFuture's default executor,
        // which starts a thread per task when the common pool has fewer than two threads (two cores).
        // No automatic retries: the Resilience4j retry below decides what is worth another attempt.
        ClientHttpRequestFactory requests = ClientHttpRequestFactoryBuilder.httpComponents()
                .withConnectionManagerCustomizer(pool -> pool.setMaxConnTotal(properties.maxConcurrentCalls())
                        .setMaxConnPerRoute(properties.maxConcurrentCalls()))
                .withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries)
                .build(HttpClientSettings.defaults().withTimeouts(properties.connectTimeout(), properties.readTimeout()));
        // Spring Boot's builder (tracing, JSON) plus Spring Cloud's load balancer for this client only: a
        // @LoadBalanced builder bean would also be picked up by the Eureka client for its own calls
        RestClient rest = builder.baseUrl(properties.baseUrl()).requestFactory(requests)
                .requestInterceptor(loadBalancer).build();
        return new ProductsClient(rest, retries.retry(NAME), breakers.circuitBreaker(NAME), bulkheads.bulkhead(NAME));
    }

    /**
     * Only a failure another attempt may cure without adding load: no connection at all, or a 5xx.
     * A read timeout is not retried: the service is slow, and asking again would make it slower.
     */
    private static boolean worthRetrying(Throwable failure) {
        if (failure instanceof ProductsClient.ProductsCallFailedException failed) {
            return failed.isServerError();
        }
        return failure instanceof ResourceAccessException
                && (failure.getCause() instanceof ConnectException || failure.getCause() instanceof ConnectTimeoutException);
    }
}
