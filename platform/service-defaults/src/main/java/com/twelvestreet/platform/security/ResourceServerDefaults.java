package com.twelvestreet.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The part of a service's security that is the same everywhere: stateless bearer-token
 * authentication against the 12 Street issuer, roles from the token, 401/403 as problem details.
 * A service applies it and then states its own authorization rules:
 * <pre>
 * defaults.applyTo(http).authorizeHttpRequests(...);
 * </pre>
 */
public class ResourceServerDefaults {

    private final JwtAuthenticationConverter jwtAuthenticationConverter;

    ResourceServerDefaults(JwtAuthenticationConverter jwtAuthenticationConverter) {
        this.jwtAuthenticationConverter = jwtAuthenticationConverter;
    }

    public HttpSecurity applyTo(HttpSecurity http) throws Exception {
        return http
                // bearer tokens, no cookies: CSRF cannot ride on a session that does not exist
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
    }
}
