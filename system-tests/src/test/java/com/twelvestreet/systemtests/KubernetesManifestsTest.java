package com.twelvestreet.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kustomize overlays under k8s/, checked without a cluster: each renders with
 * {@code kubectl kustomize}, every rendered object passes the Kubernetes OpenAPI schema
 * (k8s-schema/validate.mjs), every workload has probes, resources and a locked-down security
 * context, and the manifests agree with the services' own configuration (image, port, variables,
 * database) and with each other (issuer = ingress host + /auth, a policy for every pod).
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {

    static final List<String> OVERLAYS = List.of("local", "eks", "aks");
    static final Path RENDERED = ServiceModules.ROOT.resolve("system-tests/target/k8s");
    /** Each overlay's objects, parsed once. */
    static final Map<String, List<Map<String, Object>>> PARSED = new HashMap<>();

    @BeforeAll
    static void render() throws Exception {
        Files.createDirectories(RENDERED);
        String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
        assertThat(ServiceModules.run(kubectl, "version", "--client")).as("kubectl with Kustomize 5 (.ci/run provides it)")
                .containsPattern("Kustomize Version: v5\\.");
        for (String overlay : OVERLAYS) {
            String rendered = ServiceModules.run(kubectl, "kustomize", "k8s/overlays/" + overlay);
            Files.writeString(RENDERED.resolve(overlay + ".yaml"), rendered);
            List<Map<String, Object>> objects = new ArrayList<>();
            new Yaml().loadAll(rendered).forEach(document -> objects.add((Map<String, Object>) document));
            PARSED.put(overlay, objects);
        }
    }

    @Test
    void shouldPassTheKubernetesSchemaValidation() throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "system-tests/k8s-schema/validate.mjs"));
        OVERLAYS.forEach(overlay -> command.add(RENDERED.resolve(overlay + ".yaml").toString()));

        String report = ServiceModules.run(command.toArray(String[]::new));

        assertThat(report).contains("valid    " + RENDERED.resolve("local.yaml") + ": Deployment/gateway")
                .doesNotContain("INVALID");
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "eks", "aks" })
    void shouldGiveEveryWorkloadProbesResourcesAndALockedDownSecurityContext(String overlay) {
        for (Map<String, Object> workload : objects(overlay, "Deployment", "StatefulSet")) {
            String name = kind(workload) + "/" + name(workload);
            Map<String, Object> pod = (Map<String, Object>) at(workload, "spec", "template", "spec");
            assertThat((Map<String, Object>) pod.get("securityContext")).as(name).containsEntry("runAsNonRoot", true)
                    .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
            assertThat(pod.get("automountServiceAccountToken") == Boolean.FALSE
                    || serviceAccountWithoutToken(overlay, (String) pod.get("serviceAccountName")))
                    .as(name + " mounts no API token").isTrue();
            for (Map<String, Object> container : (List<Map<String, Object>>) pod.get("containers")) {
                assertThat(container).as(name).containsKeys("readinessProbe", "livenessProbe");
                assertThat((Map<String, Object>) at(container, "resources", "requests")).as(name).containsKeys("cpu", "memory");
                assertThat((Map<String, Object>) at(container, "resources", "limits")).as(name).containsKey("memory");
                Map<String, Object> security = (Map<String, Object>) container.get("securityContext");
                assertThat(security).as(name).containsEntry("allowPrivilegeEscalation", false)
                        .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
                if (kind(workload).equals("Deployment")) {
                    assertThat(security).as(name).containsEntry("readOnlyRootFilesystem", true);
                    assertThat((List<Map<String, Object>>) container.get("volumeMounts")).as(name + " has a writable /tmp")
                            .anyMatch(mount -> "/tmp".equals(mount.get("mountPath")));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "eks", "aks" })
    void shouldRunEachServiceAsItsOwnConfigurationSays(String overlay) {
        for (String service : ServiceModules.withImages()) {
            Map<String, Object> deployment = object(overlay, "Deployment", service);
            Map<String, Object> pod = (Map<String, Object>) at(deployment, "spec", "template", "spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            int port = ServiceModules.port(service);
            Map<String, String> env = environment(container);

            assertThat((String) container.get("image")).as(service + " image")
                    .endsWith("/" + service + ":" + ServiceModules.VERSION);
            if (overlay.equals("local")) {
                assertThat(container.get("image")).isEqualTo(ServiceModules.IMAGE_REGISTRY + "/" + service + ":" + ServiceModules.VERSION);
            }
            int managementPort = ServiceModules.managementPort(service);
            String probePort = managementPort == port ? "http" : "management";
            List<Map<String, Object>> ports = managementPort == port ? List.of(Map.of("name", "http", "containerPort", port))
                    : List.of(Map.of("name", "http", "containerPort", port), Map.of("name", "management", "containerPort", managementPort));
            assertThat((List<Map<String, Object>>) container.get("ports")).as(service).isEqualTo(ports);
            assertThat(env).as(service).containsEntry("PORT", String.valueOf(port));
            if (managementPort != port) {
                assertThat(env).as(service).containsEntry("MANAGEMENT_PORT", String.valueOf(managementPort));
                assertThat(at(deployment, "spec", "template", "metadata", "annotations")).as(service)
                        .isEqualTo(Map.of("prometheus.io/scrape", "true", "prometheus.io/path", "/actuator/prometheus",
                                "prometheus.io/port", String.valueOf(managementPort)));
            }
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(at(container, probe, "httpGet", "port")).as(service + " " + probe).isEqualTo(probePort);
            }
            assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(container).as(service).containsKey("startupProbe");
            assertThat(env.keySet()).as("variables set for " + service + " that it does not read")
                    .filteredOn(variable -> !ServiceModules.reads(service, variable) && !usedInAnotherValue(variable, env))
                    .isEmpty();
            assertThat(pod.get("serviceAccountName")).isEqualTo(service);
            assertThat(object(overlay, "ServiceAccount", service)).isNotNull();
            assertThat(at(object(overlay, "Service", service), "spec", "ports")).isEqualTo(
                    List.of(Map.of("name", "http", "port", port, "targetPort", "http")));

            String database = ServiceModules.database(service);
            if (database != null) {
                assertThat(env.get("SPRING_DATASOURCE_URL"))
                        .isEqualTo("jdbc:postgresql://$(POSTGRES_HOST):5432/" + database + "$(POSTGRES_OPTIONS)");
                assertThat(env).containsEntry("SPRING_DATASOURCE_USERNAME", database);
            }
            assertThat(labels(deployment).containsKey("twelvestreet.dev/kafka-client")).as(service + " is a Kafka client")
                    .isEqualTo(ServiceModules.usesKafka(service));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "eks", "aks" })
    void shouldOfferOneHostForShopApiAndLoginWithTheIssuerOnIt(String overlay) {
        List<Map<String, Object>> ingresses = objects(overlay, "Ingress");
        assertThat(ingresses).hasSize(1);
        List<Map<String, Object>> rules = (List<Map<String, Object>>) at(ingresses.get(0), "spec", "rules");
        assertThat(rules).hasSize(1);
        String host = (String) rules.get(0).get("host");
        assertThat(at(rules.get(0), "http", "paths")).isEqualTo(List.of(Map.of("path", "/", "pathType", "Prefix",
                "backend", Map.of("service", Map.of("name", "gateway", "port", Map.of("name", "http"))))));
        String scheme = overlay.equals("local") ? "http://" : "https://";

        Map<String, String> settings = (Map<String, String>) object(overlay, "ConfigMap", "shop-config").get("data");
        assertThat(settings).containsEntry("TWELVESTREET_SECURITY_ISSUER_URI", scheme + host + "/auth")
                .containsEntry("TWELVESTREET_OAUTH_SHOP_URL", scheme + host)
                .containsEntry("TWELVESTREET_SECURITY_ISSUER_BACKCHANNEL_URI", "http://oauth:" + ServiceModules.port("oauth"))
                .containsEntry("EUREKA_URI", "http://discovery:" + ServiceModules.port("discovery") + "/eureka");
        assertThat(settings.keySet()).as("settings no service reads and no other value uses")
                .filteredOn(variable -> ServiceModules.withImages().stream().noneMatch(service -> ServiceModules.reads(service, variable))
                        && !rendered(overlay).contains("$(" + variable + ")"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "eks", "aks" })
    void shouldScaleAndProtectTheBusyServicesAndIsolateEveryPod(String overlay) {
        Set<String> autoscaled = new TreeSet<>();
        objects(overlay, "HorizontalPodAutoscaler").forEach(hpa -> autoscaled.add((String) at(hpa, "spec", "scaleTargetRef", "name")));
        assertThat(autoscaled).containsExactly("gateway", "orders", "products");
        for (String service : autoscaled) {
            assertThat(at(object(overlay, "Deployment", service), "spec")).as(service + " leaves replicas to the autoscaler")
                    .asInstanceOf(InstanceOfAssertFactories.MAP).doesNotContainKey("replicas");
        }

        List<Map<String, Object>> policies = objects(overlay, "NetworkPolicy");
        assertThat(policies).anyMatch(policy -> at(policy, "spec", "podSelector").equals(Map.of())
                && at(policy, "spec", "ingress") == null);
        for (String service : ServiceModules.withImages()) {
            assertThat(objects(overlay, "PodDisruptionBudget")).as("a disruption budget for " + service)
                    .anyMatch(pdb -> Objects.equals(at(pdb, "spec", "selector", "matchLabels", "app.kubernetes.io/name"), service));
        }
        for (Map<String, Object> workload : objects(overlay, "Deployment", "StatefulSet")) {
            String name = name(workload);
            assertThat(policies).as("an ingress policy naming " + name)
                    .anyMatch(policy -> Objects.equals(at(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"), name));
        }
    }

    // --- reading the rendered manifests

    private static String rendered(String overlay) {
        return ServiceModules.read(RENDERED.resolve(overlay + ".yaml"));
    }

    private static List<Map<String, Object>> objects(String overlay, String... kinds) {
        return PARSED.get(overlay).stream().filter(object -> object != null && List.of(kinds).contains(kind(object))).toList();
    }

    /** One object by kind and name; generated ConfigMaps and Secrets carry a hash suffix. */
    private static Map<String, Object> object(String overlay, String kind, String name) {
        return objects(overlay, kind).stream()
                .filter(object -> name(object).equals(name) || name(object).matches(Pattern.quote(name) + "-[a-z0-9]{10}"))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in overlay " + overlay));
    }

    private static boolean serviceAccountWithoutToken(String overlay, String name) {
        return name != null && object(overlay, "ServiceAccount", name).get("automountServiceAccountToken") == Boolean.FALSE;
    }

    private static Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> variable : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
            env.put((String) variable.get("name"), variable.containsKey("value") ? (String) variable.get("value") : "(from a Secret)");
        }
        return env;
    }

    private static boolean usedInAnotherValue(String variable, Map<String, String> env) {
        return env.values().stream().anyMatch(value -> value.contains("$(" + variable + ")"));
    }

    private static Map<String, Object> labels(Map<String, Object> object) {
        return (Map<String, Object>) at(object, "metadata", "labels");
    }

    private static String kind(Map<String, Object> object) {
        return (String) object.get("kind");
    }

    private static String name(Map<String, Object> object) {
        return (String) at(object, "metadata", "name");
    }

    private static Object at(Map<String, Object> object, String... path) {
        Object current = object;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }
}
