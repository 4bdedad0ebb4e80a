package com.twelvestreet.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services as their own modules describe them — the truth that images, compose and the
 * Kubernetes manifests are checked against: which modules ship an image, and what each one's
 * application.yml says about its port, database and broker.
 */
final class ServiceModules {

    static final Path ROOT = Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize();
    static final String IMAGE_REGISTRY = System.getProperty("image.registry", "localhost:5000/twelvestreet");
    static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");

    private static final String SHARED_DEFAULTS = read(ROOT.resolve(
            "platform/service-defaults/src/main/resources/twelvestreet-service-defaults.yml"));

    /** Spring Boot's own properties that the deployment files set and no configuration file names. */
    private static final Pattern BOOT_PROPERTIES = Pattern.compile("SPRING_PROFILES_ACTIVE|SPRING_KAFKA_SECURITY_PROTOCOL"
            + "|SPRING_KAFKA_PROPERTIES_[A-Z_]+");

    private ServiceModules() {
    }

    /** Every module that turns Jib on ({@code <jib.skip>false</jib.skip>}), by directory name. */
    static List<String> withImages() {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .filter(dir -> read(dir.resolve("pom.xml")).contains("<jib.skip>false</jib.skip>"))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The default port in the service's own configuration: {@code port: ${PORT:8081}}. */
    static int port(String service) {
        Matcher port = Pattern.compile("(?m)^\\s+port: \\$\\{PORT:(\\d+)}").matcher(configuration(service));
        assertThat(port.find()).as("server.port as ${PORT:…} in " + service + "/application.yml").isTrue();
        return Integer.parseInt(port.group(1));
    }

    /** Where its actuator answers: {@code management.server.port} as {@code ${MANAGEMENT_PORT:…}}, else the server port. */
    static int managementPort(String service) {
        Matcher port = Pattern.compile("(?m)^\\s+port: \\$\\{MANAGEMENT_PORT:(\\d+)}").matcher(configuration(service));
        return port.find() ? Integer.parseInt(port.group(1)) : port(service);
    }

    /** The database named in its JDBC URL, or null without a datasource. */
    static String database(String service) {
        Matcher url = Pattern.compile("url: jdbc:postgresql://[^/]+/(\\w+)").matcher(configuration(service));
        return url.find() ? url.group(1) : null;
    }

    static boolean usesKafka(String service) {
        return configuration(service).contains("KAFKA_BOOTSTRAP_SERVERS");
    }

    /**
     * Whether the service reads this environment variable: a {@code ${NAME}} placeholder in its own
     * or the shared configuration, a property of either through relaxed binding
     * ({@code TWELVESTREET_OAUTH_SHOP_URL} → {@code twelvestreet.oauth.shop-url}), or one of Spring
     * Boot's own properties listed above. A misspelt or stale variable fails this.
     */
    static boolean reads(String service, String variable) {
        String configuration = configuration(service) + "\n" + SHARED_DEFAULTS;
        if (configuration.contains("${" + variable + ":") || configuration.contains("${" + variable + "}")
                || BOOT_PROPERTIES.matcher(variable).matches()) {
            return true;
        }
        String relaxed = variable.replace("_", "").toLowerCase();
        return propertyNames(configuration(service)).contains(relaxed) || propertyNames(SHARED_DEFAULTS).contains(relaxed);
    }

    /** Every property of a YAML file, in the form relaxed binding compares: no dots, dashes or case. */
    @SuppressWarnings("unchecked")
    private static Set<String> propertyNames(String yaml) {
        Set<String> names = new HashSet<>();
        Deque<Map.Entry<String, Object>> pending = new ArrayDeque<>();
        ((Map<String, Object>) new Yaml().load(yaml)).forEach((key, value) -> pending.add(Map.entry(key, value)));
        while (!pending.isEmpty()) {
            Map.Entry<String, Object> entry = pending.pop();
            names.add(entry.getKey().replaceAll("[.\\-]", "").toLowerCase());
            if (entry.getValue() instanceof Map<?, ?> children) {
                ((Map<String, Object>) children).forEach((key, value) -> pending.add(Map.entry(entry.getKey() + "." + key, value)));
            }
        }
        return names;
    }

    static String configuration(String service) {
        return read(ROOT.resolve(service + "/src/main/resources/application.yml"));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static boolean commandExists(String command) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** Runs a command in the project root; fails the test with its output unless it exits 0. */
    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
