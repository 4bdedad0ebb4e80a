package com.twelvestreet.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The part of a service's security that is the same everywhere: stateless bearer-token
 * authentication against the 12 Street issuer, roles from the token, 401/403 as problem details,
 * the endpoints every service leaves open (health probes, info, Prometheus, OpenAPI, /error), and the
 * fault switch ({@code /actuator/faults}, where it is enabled) for ADMIN tokens only.
 * A service applies it and then states its own authorization rules, ending with {@code anyRequest()}:
 * <pre>
 * defaults.applyTo(http).authorizeHttpRequests(...);
 * </pre>
 */
public class ResourceServerDefaults {

    private static final String[] PUBLIC_ENDPOINTS = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error" };

    /** The fault switch's endpoint, for a chain whose matcher must let it in (oauth's API chain). */
    public static final String FAULT_SWITCH = "/actuator/faults";

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
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_ENDPOINTS).permitAll()
                        .requestMatchers(FAULT_SWITCH).hasRole(Roles.ADMIN));
    }
}
