package com.twelvestreet.gateway.fallback;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import com.twelvestreet.gateway.error.TraceIds;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR;

/**
 * What a client gets when a service is down, slow or shielded by an open circuit: a 503 problem
 * that names the service, so the UI can show "temporarily unavailable" instead of breaking.
 */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The " + service + " service is temporarily unavailable. Please try again shortly.");
        problem.setTitle("Service Unavailable");
        problem.setProperty("service", service);
        problem.setProperty("reason", reason(cause));
        originalPath(exchange).ifPresent(problem::setInstance);
        TraceIds.addTo(problem, exchange);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String reason(Throwable cause) {
        if (cause instanceof CallNotPermittedException) {
            return "circuit-open";
        }
        if (cause instanceof BulkheadFullException) {
            return "overloaded";
        }
        // the time limiter raises TimeoutException, the route's response timeout a 504 status
        if (cause instanceof TimeoutException
                || (cause instanceof ResponseStatusException status && status.getStatusCode().value() == 504)) {
            return "timeout";
        }
        return "unreachable";
    }

    private static Optional<URI> originalPath(ServerWebExchange exchange) {
        Set<URI> urls = exchange.getAttribute(GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        return urls == null ? Optional.empty()
                : urls.stream().findFirst().map(url -> URI.create(url.getRawPath()));
    }
}
