package com.twelvestreet.gateway.ui;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

/**
 * The browser shop: every path that no API route claims goes to the ui service, so pages and API
 * share one origin (no CORS, the session cookie stays first-party); {@code /actuator/**} is not the
 * ui's either (the gateway's own actuator is on the management port), nor are the API reference's Swagger UI and
 * OpenAPI documents, which the gateway serves and routes itself. Written in Java rather than in
 * application.yml because it needs a negation — {@code /api/**} must keep the gateway's own 404
 * problem for unknown API paths — which the YAML route predicates cannot express. Last in order.
 */
@Configuration(proxyBeanMethods = false)
class UiRouteConfig {

    @Bean
    RouteLocator uiRoute(RouteLocatorBuilder routes, @Value("${UI_RESPONSE_TIMEOUT_MS:3000}") int responseTimeoutMs) {
        return routes.routes()
                .route("ui", route -> route.order(Ordered.LOWEST_PRECEDENCE)
                        .not(path -> path.path("/api/**", "/fallback/**", "/actuator/**", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**"))
                        .and().method("GET", "HEAD")
                        .filters(filters -> filters.circuitBreaker(breaker -> breaker.setName("ui")
                                .setFallbackUri("forward:/fallback/ui")))
                        .metadata(CONNECT_TIMEOUT_ATTR, 1000)
                        .metadata(RESPONSE_TIMEOUT_ATTR, responseTimeoutMs)
                        .uri("lb://ui"))
                .build();
    }
}
