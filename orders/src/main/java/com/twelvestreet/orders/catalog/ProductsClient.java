package com.twelvestreet.orders.catalog;

import java.util.Optional;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Asks the products service for a product, guarded by Resilience4j: a retry (IO errors and 5xx
 * only) around a circuit breaker around a bulkhead, with connect/read timeouts on every attempt.
 * Empty means products answered "no such product"; any other failure is thrown.
 */
class ProductsClient {

    private final RestClient rest;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;

    ProductsClient(RestClient rest, Retry retry, CircuitBreaker breaker, Bulkhead bulkhead) {
        this.rest = rest;
        this.retry = retry;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
    }

    Optional<ProductSnapshot> find(long productId) {
        return Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(breaker,
                        Bulkhead.decorateSupplier(bulkhead, () -> get(productId))))
                .get();
    }

    private Optional<ProductSnapshot> get(long productId) {
        return rest.get().uri("/api/products/{id}", productId).accept(MediaType.APPLICATION_JSON).exchange((request, response) -> {
            if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return Optional.empty();
            }
            if (!response.getStatusCode().is2xxSuccessful()) {
                throw new ProductsCallFailedException(response.getStatusCode().value());
            }
            return Optional.ofNullable(response.bodyTo(ProductSnapshot.class));
        });
    }

    /** Products answered with an error status other than 404. */
    static class ProductsCallFailedException extends RuntimeException {

        private final int status;

        ProductsCallFailedException(int status) {
            super("products answered " + status);
            this.status = status;
        }

        boolean isServerError() {
            return status >= 500;
        }
    }
}
