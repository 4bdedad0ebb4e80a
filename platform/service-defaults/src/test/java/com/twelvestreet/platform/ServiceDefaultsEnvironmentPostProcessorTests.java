package com.twelvestreet.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceDefaultsEnvironmentPostProcessorTests {

    @Test
    void shouldProvideDefaultsThatAServiceCanOverride() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of("management.endpoint.health.show-details", "always")));

        new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.mvc.problemdetails.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.endpoint.health.show-details")).isEqualTo("always");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
                .isEqualTo("http://localhost:9000/oauth2/jwks");
    }
}
