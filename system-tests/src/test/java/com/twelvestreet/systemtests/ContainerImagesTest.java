package com.twelvestreet.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's container image, as Jib builds it in {@code verify} (target/jib-image.tar, on an
 * empty base because no base image can be pulled offline): a numeric non-root user, heap sized from
 * the container's memory limit, the port the service's application.yml listens on, OCI labels, the
 * Spring Boot main class and the CycloneDX SBOM inside.
 */
class ContainerImagesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path unpacked;

    @ParameterizedTest
    @MethodSource("com.twelvestreet.systemtests.ServiceModules#withImages")
    void shouldRunAsNonRootWithTheServicesPortLabelsAndSbom(String service) throws Exception {
        Path tar = ServiceModules.ROOT.resolve(service + "/target/jib-image.tar");
        Assumptions.assumeTrue(Files.exists(tar),
                "no image tar for " + service + ": ./mvnw verify builds it unless -Djib.skip=true is given");
        ServiceModules.run("tar", "-xf", tar.toString(), "-C", unpacked.toString());

        JsonNode manifest = blob(JSON.readTree(unpacked.resolve("index.json").toFile()).at("/manifests/0/digest").asString());
        JsonNode config = blob(manifest.at("/config/digest").asString()).get("config");

        assertThat(config.get("User").asString()).matches("[1-9]\\d*:[1-9]\\d*");
        List<String> entrypoint = config.get("Entrypoint").valueStream().map(JsonNode::asString).toList();
        assertThat(entrypoint).startsWith("java").contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        assertThat(entrypoint.get(entrypoint.size() - 1)).startsWith("com.twelvestreet.").endsWith("Application");
        assertThat(config.get("ExposedPorts").propertyNames()).containsExactly(ServiceModules.port(service) + "/tcp");
        for (String label : List.of("title", "description", "version", "source", "revision")) {
            assertThat(config.at("/Labels/org.opencontainers.image." + label).asString()).as(label).isNotBlank();
        }
        assertThat(layerEntries(manifest)).as("the SBOM travels with the image")
                .contains("META-INF/sbom/application.cdx.json");
    }

    private JsonNode blob(String digest) throws IOException {
        return JSON.readTree(unpacked.resolve("blobs/sha256/" + digest.substring("sha256:".length())).toFile());
    }

    private String layerEntries(JsonNode manifest) throws Exception {
        StringBuilder entries = new StringBuilder();
        for (JsonNode layer : manifest.get("layers")) {
            Path file = unpacked.resolve("blobs/sha256/" + layer.get("digest").asString().substring("sha256:".length()));
            entries.append(ServiceModules.run("tar", "-tzf", file.toString()));
        }
        return entries.toString();
    }
}
