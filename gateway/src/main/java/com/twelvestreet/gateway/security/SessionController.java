package com.twelvestreet.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.twelvestreet.gateway.error.TraceIds;
import com.twelvestreet.platform.security.TokenClaims;


/** Tells the UI who is logged in, without ever handing a token to the browser. */
@RestController
class SessionController {

    @GetMapping("/api/session")
    ResponseEntity<?> session(Authentication authentication, ServerWebExchange exchange) {
        Map<String, Object> claims = claims(authentication);
        if (claims == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Nobody is logged in.");
            problem.setTitle("Unauthorized");
            problem.setProperty("login", "/oauth2/authorization/" + SecurityConfig.REGISTRATION);
            TraceIds.addTo(problem, exchange);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(new SessionView(String.valueOf(claims.get("sub")),
                (String) claims.get(TokenClaims.EMAIL), (String) claims.get(TokenClaims.NICKNAME),
                roles(authentication.getAuthorities())));
    }

    private static Map<String, Object> claims(Authentication authentication) {
        if (authentication instanceof OAuth2AuthenticationToken login && login.getPrincipal() instanceof OidcUser user) {
            return user.getClaims();
        }
        if (authentication instanceof JwtAuthenticationToken bearer) {
            return bearer.getTokenAttributes();
        }
        return null;
    }

    /** From the access token in both cases: a session's roles are mapped at login ({@link AccessTokenRoles}). */
    private static List<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
    }

    record SessionView(String subject, String email, String nickname, List<String> roles) {
    }
}
