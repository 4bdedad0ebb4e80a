package com.twelvestreet.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 answers of a resource server as RFC 9457 problem details (the security filters run before MVC). */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, ex) -> {
            // RFC 6750: tell bearer clients why, without echoing token contents
            String error = request.getHeader("Authorization") == null ? "" : " error=\"" + BearerTokenErrorCodes.INVALID_TOKEN + "\"";
            response.setHeader("WWW-Authenticate", "Bearer" + error);
            write(request, response, HttpStatus.UNAUTHORIZED,
                    request.getHeader("Authorization") == null
                            ? "This resource needs a bearer token."
                            : "The bearer token is missing, expired, or not valid for this service.");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, ex) -> write(request, response, HttpStatus.FORBIDDEN,
                "Your account does not have the role this action needs.");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }
}
