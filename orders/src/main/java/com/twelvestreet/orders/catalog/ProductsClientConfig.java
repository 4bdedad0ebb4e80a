package com.twelvestreet.orders.catalog;

import java.io.IOException;
import java.net.http.HttpClient;
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

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The products call: a load-balanced RestClient ({@code lb} through Eureka) with its own timeouts,
 * and the Resilience4j retry, circuit breaker and bulkhead named {@code products}, whose state
 * and counts appear in {@code /actuator/prometheus} (resilience4j_*).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProductsClientProperties.class)
class ProductsClientConfig {

    static final String NAME = "products";

    /** Spring Boot's defaults (tracing, JSON) plus Spring Cloud's load balancer. */
    @Bean
    @LoadBalanced
    RestClient.Builder loadBalancedRestClientBuilder(RestClientBuilderConfigurer defaults) {
        return defaults.configure(RestClient.builder());
    }

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
    ProductsClient productsClient(@LoadBalanced RestClient.Builder builder, ProductsClientProperties properties,
            CircuitBreakerRegistry breakers, RetryRegistry retries, BulkheadRegistry bulkheads) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        RestClient rest = builder.baseUrl(properties.baseUrl()).requestFactory(requests).build();
        return new ProductsClient(rest, retries.retry(NAME), breakers.circuitBreaker(NAME), bulkheads.bulkhead(NAME));
    }

    /** Only a failure that another attempt may cure: no answer at all, or a 5xx. */
    private static boolean worthRetrying(Throwable failure) {
        return failure instanceof ResourceAccessException || failure instanceof IOException
                || failure instanceof ProductsClient.ProductsCallFailedException failed && failed.isServerError();
    }
}
