package com.twelvestreet.platform.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.twelvestreet.platform.problem.ServletProblems;

/** 401 and 403 answers of a resource server as RFC 9457 problem details (the security filters run before MVC). */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, ex) -> {
            // RFC 6750: tell bearer clients why, without echoing token contents
            String error = request.getHeader("Authorization") == null ? "" : " error=\"" + BearerTokenErrorCodes.INVALID_TOKEN + "\"";
            response.setHeader("WWW-Authenticate", "Bearer" + error);
            ServletProblems.write(request, response, HttpStatus.UNAUTHORIZED,
                    request.getHeader("Authorization") == null
                            ? "This resource needs a bearer token."
                            : "The bearer token is missing, expired, or not valid for this service.");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, ex) -> ServletProblems.write(request, response, HttpStatus.FORBIDDEN,
                "Your account does not have the role this action needs.");
    }
}
