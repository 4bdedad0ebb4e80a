package com.twelvestreet.gateway.security;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;


import com.twelvestreet.gateway.ratelimit.RateLimits;
import com.twelvestreet.platform.security.ResourceServerDefaults;
import com.twelvestreet.platform.security.Roles;
import com.twelvestreet.platform.security.TokenRoles;

/**
 * The gateway as the browser's backend-for-frontend: the browser logs in with the authorization-code
 * flow (PKCE) and keeps only an HttpOnly session cookie; the gateway holds the tokens and relays them
 * to the services. API clients send their own bearer tokens instead, which the gateway checks too.
 * The services still check every token and role themselves.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String REGISTRATION = "twelvestreet";

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients,
            RateLimits rateLimits, @Value("${server.reactive.session.cookie.name}") String sessionCookie,
            @Value("${twelvestreet.gateway.session.logged-in-timeout}") Duration loggedInSession) {
        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(clients);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");

        return rateLimits.applyTo(http)
                .securityContextRepository(new LoginsInSession(sessionCookie))
                // nothing is ever saved (every exchange is permitted; the browser shop starts its logins), so the
                // cache looks into the session only for a request marked as the one to continue after a login
                .requestCache(cache -> cache.requestCache(continuedRequests()))
                // services decide who may do what; the gateway authenticates and relays. Its own fault switch
                // (management port, where enabled) is for admins only
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(ResourceServerDefaults.FAULT_SWITCH).hasRole(Roles.ADMIN)
                        .anyExchange().permitAll())
                .oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests)
                        .authenticationSuccessHandler(new SessionLifetime(loggedInSession)))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(TokenRoles.authenticationConverter())))
                        .authenticationEntryPoint(Refusals.unauthorized()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(Refusals.unauthorized())
                        .accessDeniedHandler(Refusals.forbidden()))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess))
                // a single-page app reads XSRF-TOKEN and sends it back as X-XSRF-TOKEN
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(unsafeSessionRequests(sessionCookie)))
                .build();
    }

    /**
     * The tokens a login brought are kept in the session, hence in Redis, so any gateway replica can
     * relay them; Spring Boot's default keeps them in this replica's memory.
     */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** oauth2Login finds its user service as a bean: logins take their roles from the access token. */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(ReactiveJwtDecoder accessTokens) {
        return new AccessTokenRoles(accessTokens);
    }

    private static ServerRequestCache continuedRequests() {
        WebSessionServerRequestCache requests = new WebSessionServerRequestCache();
        requests.setMatchingRequestParameterName("continue");
        return requests;
    }

    /**
     * CSRF rides on the session cookie, so only unsafe requests that carry it need the token. A
     * request with its own bearer token, or with no session at all, has nothing a forger could use.
     * The login pages under {@code /auth/**} belong to oauth, whose forms carry oauth's own CSRF token.
     */
    private static ServerWebExchangeMatcher unsafeSessionRequests(String sessionCookie) {
        return exchange -> {
            boolean bearer = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null;
            boolean session = exchange.getRequest().getCookies().containsKey(sessionCookie);
            boolean loginPages = exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/auth/");
            return bearer || !session || loginPages ? MatchResult.notMatch()
                    : CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange);
        };
    }
}
