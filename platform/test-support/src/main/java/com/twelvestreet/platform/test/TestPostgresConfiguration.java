package com.twelvestreet.platform.test;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A real PostgreSQL for a service's tests: {@code @Import(TestPostgresConfiguration.class)}.
 * With a Docker engine it is a Testcontainers container wired by {@code @ServiceConnection};
 * without one, a fresh database on an embedded PostgreSQL server. The choice is logged once.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPostgresConfiguration {

    static final String IMAGE = "postgres:16-alpine";

    @Bean
    @ServiceConnection
    @Conditional(DockerAvailable.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer(IMAGE);
    }

    @Bean
    @Conditional(DockerUnavailable.class)
    JdbcConnectionDetails embeddedPostgresConnectionDetails() {
        String url = PostgresEngines.newEmbeddedDatabase();
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    static class DockerAvailable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return PostgresEngines.dockerAvailable();
        }
    }

    static class DockerUnavailable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !PostgresEngines.dockerAvailable();
        }
    }
}
