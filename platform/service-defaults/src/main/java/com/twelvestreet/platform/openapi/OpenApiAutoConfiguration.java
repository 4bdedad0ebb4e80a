package com.twelvestreet.platform.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI description of a service that uses springdoc: its title and description from
 * {@code twelvestreet.api.title} / {@code twelvestreet.api.description}, the bearer-token
 * scheme every 12 Street API shares, and one server, {@code /}: the origin the document was read from, so "Try it out"
 * goes through the gateway when the document came through it (the shop's Swagger UI), and to the service itself when
 * read from the service (a service's own address, which springdoc would name, is not reachable from a browser).
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceApi(@Value("${twelvestreet.api.title:12 Street ${spring.application.name:service} API}") String title,
            @Value("${twelvestreet.api.description:}") String description) {
        return new OpenAPI()
                .servers(List.of(new Server().url("/")))
                .info(new Info().title(title)
                        .description(description + (description.isEmpty() ? "" : " ")
                                + "Errors are RFC 9457 problem details.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
