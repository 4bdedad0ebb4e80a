package com.twelvestreet.gateway.error;

import java.util.LinkedHashMap;
import java.util.Map;

import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;

import com.twelvestreet.gateway.faults.InjectedFault;

/**
 * Every error the gateway itself raises (no route, a request too large, a spent rate limit, no instance
 * of a service outside a circuit breaker, Redis unreachable, anything unexpected) leaves as an RFC 9457
 * problem, never as a stack trace, with the request's trace id.
 */
@Component
@Order(-2) // before Spring Boot's default handler
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final JsonMapper json;

    ProblemErrorWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatusCode status = ex instanceof ErrorResponse error ? error.getStatusCode()
                // Redis (sessions) unreachable, translated by Spring Data or straight from Lettuce
                : ex instanceof DataAccessException || ex instanceof RedisException ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError() && !(ex instanceof InjectedFault)) {
            log.warn("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status instanceof HttpStatus known ? known.getReasonPhrase() : "Error");
        problem.put("status", status.value());
        problem.put("detail", detail(ex, status));
        problem.put("instance", exchange.getRequest().getPath().value());
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status.value() == 503) {
            response.getHeaders().set("Retry-After", "5");
        }
        if (status.is4xxClientError() && ex instanceof ErrorResponse error) {
            // what the gateway's own filters add to a refusal: Retry-After, the budget that was spent
            response.getHeaders().addAll(error.getHeaders());
            if (error.getBody().getProperties() != null) {
                problem.putAll(error.getBody().getProperties());
            }
        }
        TraceIds.of(exchange).ifPresent(traceId -> problem.put("traceId", traceId));
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    private static String detail(Throwable ex, HttpStatusCode status) {
        if (status.value() == 404) {
            return "No route or resource matches this path.";
        }
        if ((status.is4xxClientError() || ex instanceof InjectedFault) && ex instanceof ErrorResponse error
                && error.getBody().getDetail() != null) {
            return error.getBody().getDetail();
        }
        if (status.value() == 503) {
            return "A service behind the gateway is temporarily unavailable. Please try again shortly.";
        }
        return "The gateway could not handle this request.";
    }
}
