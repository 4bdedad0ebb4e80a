package com.twelvestreet.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * A real Redis for a service's tests: {@code @Import(TestRedisConfiguration.class)}. With a Docker
 * engine it is a Testcontainers container wired by {@code @ServiceConnection}; without one, one
 * redis-server process per test JVM from the embedded-redis artifact (the binary the local run uses).
 * The choice follows {@link TestPostgresConfiguration}'s and is logged once.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRedisConfiguration {

    static final String IMAGE = "redis:7-alpine";

    private static final Logger log = LoggerFactory.getLogger(TestRedisConfiguration.class);

    private static RedisServer embedded;
    private static int embeddedPort;

    @Bean
    @ServiceConnection(name = "redis")
    @Conditional(TestPostgresConfiguration.DockerAvailable.class)
    GenericContainer<?> redisContainer() {
        log.info("Tests use a real Redis from Testcontainers ({}): a Docker engine is available", IMAGE);
        return new GenericContainer<>(IMAGE).withExposedPorts(6379);
    }

    @Bean
    @Conditional(TestPostgresConfiguration.DockerUnavailable.class)
    DataRedisConnectionDetails embeddedRedisConnectionDetails() {
        int port = embeddedRedisPort();
        return new DataRedisConnectionDetails() {
            @Override
            public Standalone getStandalone() {
                return Standalone.of("127.0.0.1", port);
            }
        };
    }

    /** The port of this JVM's embedded Redis, started on first use and stopped with the JVM. */
    public static synchronized int embeddedRedisPort() {
        if (embedded == null) {
            embeddedPort = TestPorts.free();
            try {
                embedded = RedisServer.newRedisServer().bind("127.0.0.1").port(embeddedPort)
                        .setting("save \"\"").setting("appendonly no").build();
                embedded.start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Cannot start embedded Redis", ex);
            }
            RedisServer server = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                }
                catch (IOException ignored) {
                    // the JVM is going away
                }
            }, "embedded-redis-stop"));
            log.info("Tests use an embedded real Redis (redis-server from embedded-redis) on port {}: no Docker engine was found",
                    embeddedPort);
        }
        return embeddedPort;
    }
}
