package com.twelvestreet.systemtests;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml against docker compose itself and against the services' own configuration:
 * one image, port, database and broker per service as the modules say, healthchecks and memory
 * limits everywhere, and nothing but the shop and the observability UIs published on the host.
 */
@SuppressWarnings("unchecked")
class ComposeFileTest {

    static final String FILE = ServiceModules.read(ServiceModules.ROOT.resolve("docker-compose.yml"));
    static final Map<String, Object> COMPOSE = new Yaml().load(FILE);
    static final Map<String, Map<String, Object>> SERVICES = (Map<String, Map<String, Object>>) COMPOSE.get("services");

    @Test
    void shouldBeAcceptedByDockerCompose() throws Exception {
        // Debian's docker-compose (installed by .ci/run) or the compose plugin of a Docker install
        Assumptions.assumeTrue(ServiceModules.commandExists("docker-compose") || ServiceModules.commandExists("docker"),
                "neither docker-compose nor docker is installed (.ci/run installs docker-compose)");
        String[] command = ServiceModules.commandExists("docker-compose")
                ? new String[] { "docker-compose", "-f", "docker-compose.yml", "config", "-q" }
                : new String[] { "docker", "compose", "-f", "docker-compose.yml", "config", "-q" };

        ServiceModules.run(command);
    }

    @ParameterizedTest
    @MethodSource("com.twelvestreet.systemtests.ServiceModules#withImages")
    void shouldRunEachServiceFromItsImageOnTheConfiguredPort(String service) {
        Map<String, Object> container = SERVICES.get(service);
        assertThat(container).as("a compose service named " + service).isNotNull();
        Map<String, Object> environment = (Map<String, Object>) container.get("environment");

        assertThat(container.get("image")).isEqualTo("${IMAGE_REGISTRY:-" + ServiceModules.IMAGE_REGISTRY + "}/" + service
                + ":${IMAGE_TAG:-" + ServiceModules.VERSION + "}");
        assertThat(environment.get("PORT")).isEqualTo(String.valueOf(ServiceModules.port(service)));
        assertThat(String.join(" ", (List<String>) ((Map<String, Object>) container.get("healthcheck")).get("test")))
                .contains("$${MANAGEMENT_PORT:-$${PORT}}", "/actuator/health/readiness");
        int managementPort = ServiceModules.managementPort(service);
        if (managementPort != ServiceModules.port(service)) {
            assertThat(environment.get("MANAGEMENT_PORT")).isEqualTo(String.valueOf(managementPort));
        }
        assertThat(container).containsEntry("read_only", true).containsEntry("cap_drop", List.of("ALL"))
                .containsEntry("tmpfs", List.of("/tmp"));
        assertThat(environment).containsEntry("TWELVESTREET_SECURITY_ISSUER_BACKCHANNEL_URI",
                "http://oauth:" + ServiceModules.port("oauth"));
        assertThat((String) environment.get("TWELVESTREET_SECURITY_ISSUER_URI")).endsWith("/auth");
        assertThat(environment.keySet()).as("variables set for " + service + " that it does not read")
                .filteredOn(variable -> !ServiceModules.reads(service, variable)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.twelvestreet.systemtests.ServiceModules#withImages")
    void shouldGiveEachServiceItsOwnDatabaseAndTheBroker(String service) {
        Map<String, Object> environment = (Map<String, Object>) SERVICES.get(service).get("environment");
        Map<String, Object> dependsOn = (Map<String, Object>) SERVICES.get(service).get("depends_on");
        String database = ServiceModules.database(service);

        if (database != null) {
            String passwordVariable = database.toUpperCase() + "_DB_PASSWORD";
            assertThat(environment).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/" + database)
                    .containsEntry("SPRING_DATASOURCE_USERNAME", database);
            assertThat((String) environment.get("SPRING_DATASOURCE_PASSWORD")).startsWith("${" + passwordVariable);
            assertThat((Map<String, Object>) SERVICES.get("postgres").get("environment")).containsKey(passwordVariable);
            assertThat(ServiceModules.read(ServiceModules.ROOT.resolve("k8s/overlays/local/init-databases.sh")))
                    .containsPattern("for service in [a-z ]*\\b" + database + "\\b");
            assertThat(dependsOn).containsEntry("postgres", Map.of("condition", "service_healthy"));
        }
        else {
            assertThat(environment).doesNotContainKey("SPRING_DATASOURCE_URL");
        }
        if (ServiceModules.usesKafka(service)) {
            assertThat(environment).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
            assertThat(dependsOn).containsEntry("kafka", Map.of("condition", "service_healthy"));
        }
    }

    @Test
    void shouldLetTheGatewayForwardTheShopsAddressToTheLoginPages() {
        // a browser reaches the gateway from the compose network's gateway address (the published port); from a
        // proxy it does not trust, the gateway forwards no X-Forwarded-* and oauth's login links name its own address
        String trusted = (String) ((Map<String, Object>) SERVICES.get("gateway").get("environment")).get("TRUSTED_PROXIES");
        Matcher defaulted = Pattern.compile("\\$\\{TRUSTED_PROXIES:-(.+)}").matcher(trusted);
        assertThat(defaulted.matches()).as(trusted).isTrue();
        assertThat(List.of("10.213.0.1", "172.18.0.1", "192.168.16.1")).allMatch(address -> address.matches(defaulted.group(1)));
        assertThat("8.8.8.8").doesNotMatch(defaulted.group(1));
    }

    @Test
    void shouldGiveEveryLongRunningContainerAHealthcheckAndAMemoryLimit() {
        SERVICES.forEach((name, container) -> {
            if ("no".equals(container.get("restart"))) {
                return; // a one-shot set-up step
            }
            assertThat(container).as(name).containsKeys("healthcheck", "mem_limit");
            assertThat(container.get("restart")).as(name).isEqualTo("unless-stopped");
        });
    }

    @Test
    void shouldStartInDependencyOrderOnlyOnceWhatItNeedsIsHealthy() {
        Map<String, Object> gatewayNeeds = (Map<String, Object>) SERVICES.get("gateway").get("depends_on");
        for (String service : ServiceModules.withImages()) {
            if (!service.equals("gateway") && !service.equals("discovery")) {
                assertThat(gatewayNeeds).as("gateway waits for " + service)
                        .containsEntry(service, Map.of("condition", "service_healthy"));
            }
        }
        SERVICES.forEach((name, container) -> ((Map<String, Map<String, String>>) container.getOrDefault("depends_on", Map.of()))
                .forEach((needed, condition) -> assertThat(SERVICES).as(name + " depends on " + needed).containsKey(needed)));
    }

    @Test
    void shouldPublishOnlyTheShopAndTheObservabilityUisAndOnlyOnLoopback() {
        Set<String> published = new TreeSet<>();
        SERVICES.forEach((name, container) -> {
            List<String> ports = (List<String>) container.get("ports");
            if (ports != null) {
                published.add(name);
                assertThat(ports).as(name).allMatch(port -> port.startsWith("127.0.0.1:"));
            }
        });

        assertThat(published).containsExactly("gateway", "grafana", "prometheus", "zipkin");
        assertThat((List<String>) SERVICES.get("gateway").get("ports"))
                .containsExactly("127.0.0.1:${SHOP_PORT:-8080}:" + ServiceModules.port("gateway"));
    }

    @Test
    void shouldDefineEveryVariableItReadsInDotEnv() {
        String dotEnv = ServiceModules.read(ServiceModules.ROOT.resolve(".env"));
        Matcher variable = Pattern.compile("\\$\\{([A-Z_]+)").matcher(FILE.replace("$${", ""));
        while (variable.find()) {
            assertThat(dotEnv).as(".env sets " + variable.group(1)).containsPattern("(?m)^" + variable.group(1) + "=");
        }
    }
}
