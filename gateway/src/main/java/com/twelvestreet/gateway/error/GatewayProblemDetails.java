package com.twelvestreet.gateway.error;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * WebFlux's own problem details (no static resource, a method not allowed, an unreadable body), as Spring Boot's
 * {@code spring.webflux.problemdetails} answers them, with the request's trace id; Boot's handler steps aside for it.
 */
@ControllerAdvice
class GatewayProblemDetails extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        return super.handleExceptionInternal(ex, body, headers, status, exchange).doOnNext(response -> {
            if (response.getBody() instanceof ProblemDetail problem) {
                TraceIds.addTo(problem, exchange);
            }
        });
    }
}
