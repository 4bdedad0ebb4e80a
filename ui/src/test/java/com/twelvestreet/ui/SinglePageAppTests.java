package com.twelvestreet.ui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The built app (npm run build ran in generate-resources), over real HTTP as the gateway fetches it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SinglePageAppTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = { "/", "/products/3", "/mypage/mashup", "/orders/0b7d4a5e-1111/done", "/admin/products" })
    void shouldAnswerTheAppsOwnRoutesWithTheAppRevalidatedEachTime(String path) throws Exception {
        HttpResponse<String> page = get(path);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<div id=\"app\"></div>", "/assets/index-");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void shouldCacheFingerprintedBundlesForAYear() throws Exception {
        HttpResponse<String> bundle = get("/assets/" + builtAsset(".js"));

        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/assets/missing-1234.js", "/favicon.ico", "/api/products", "/api/orders/1" })
    void shouldAnswerMissingFilesAndApiPathsWith404(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("<div id=\"app\">");
    }

    @Test
    void shouldReportHealthForProbesAndTheRegistry() throws Exception {
        HttpResponse<String> health = get("/actuator/health/readiness");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String builtAsset(String extension) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target/classes/static/assets"))) {
            return files.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(extension))
                    .findFirst().orElseThrow();
        }
    }
}
