package com.twelvestreet.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A second gateway replica beside the one ./shop runs: the same jar and client secret, the same Redis
 * and Eureka, its own ports — what a Kubernetes overlay does with its 2–6 replicas.
 */
final class SecondGateway implements AutoCloseable {

    static final int PORT = 18080;
    static final int MANAGEMENT_PORT = 18090;

    private final Process process;

    private SecondGateway(Process process) {
        this.process = process;
    }

    static SecondGateway start(Shop shop) throws IOException {
        Path jar;
        try (Stream<Path> jars = Files.list(shop.root().resolve("gateway/target"))) {
            jar = jars.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst().orElseThrow();
        }
        Path log = shop.home().resolve("logs/gateway-2.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("PORT", String.valueOf(PORT), "MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT),
                "SERVER_ADDRESS", "127.0.0.1", "MANAGEMENT_SERVER_ADDRESS", "127.0.0.1",
                "EUREKA_INSTANCE_IP_ADDRESS", "127.0.0.1", "EUREKA_INSTANCE_HOSTNAME", "localhost",
                "GATEWAY_CLIENT_SECRET", Files.readString(shop.home().resolve("secrets/gateway-client-secret")).strip()));
        SecondGateway gateway = new SecondGateway(builder.start());
        Http http = new Http();
        await("a second gateway routing the catalogue (log: " + log + ")").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> http.get(url("/api/products?size=1")).statusCode() == 200);
        return gateway;
    }

    static String url(String path) {
        return "http://localhost:" + PORT + path;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
