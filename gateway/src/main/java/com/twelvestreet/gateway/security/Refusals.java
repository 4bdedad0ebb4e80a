package com.twelvestreet.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ResponseStatusException;

/**
 * The gateway's own 401 and 403 (a bearer token it cannot verify, the fault switch without an admin token) as
 * errors, so they leave as problem details with the trace id like every other error of the gateway
 * ({@code ProblemErrorWebExceptionHandler}), instead of an empty body.
 */
final class Refusals {

    private Refusals() {
    }

    static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, ex) -> {
            boolean bearer = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null;
            // RFC 6750: tell bearer clients why, without echoing token contents
            return Mono.error(new Refused(HttpStatus.UNAUTHORIZED,
                    bearer ? "The bearer token is missing, expired, or not valid." : "This resource needs a bearer token.",
                    bearer ? "Bearer error=\"" + BearerTokenErrorCodes.INVALID_TOKEN + "\"" : "Bearer"));
        };
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> Mono.error(new Refused(HttpStatus.FORBIDDEN,
                "Your account does not have the role this action needs.", null));
    }

    private static final class Refused extends ResponseStatusException {

        private final HttpHeaders headers = new HttpHeaders();

        Refused(HttpStatus status, String detail, String wwwAuthenticate) {
            super(status, detail);
            if (wwwAuthenticate != null) {
                headers.set(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
            }
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
