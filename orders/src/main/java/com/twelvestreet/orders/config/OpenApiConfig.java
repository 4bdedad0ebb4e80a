package com.twelvestreet.orders.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI ordersApi() {
        return new OpenAPI()
                .info(new Info().title("12 Street orders API")
                        .description("Place, list, read and cancel your orders (bearer token); the order then "
                                + "follows the saga: PENDING → CONFIRMED | REJECTED → SHIPPED → DELIVERED, or "
                                + "CANCELLED before shipping. Errors are RFC 9457 problem details.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
