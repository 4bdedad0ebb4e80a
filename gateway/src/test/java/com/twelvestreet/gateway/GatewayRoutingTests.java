package com.twelvestreet.gateway;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.twelvestreet.platform.test.TestRedisConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a real HTTP service that is up, slow, stopped and restarted. Instances
 * come from Spring Cloud's simple discovery client here; the system tests route through a real Eureka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "GATEWAY_CLIENT_SECRET=test-secret",
        "PRODUCTS_RESPONSE_TIMEOUT_MS=700",
        "twelvestreet.gateway.resilience.wait-in-open-state=2s" })
@Import(TestRedisConfiguration.class)
class GatewayRoutingTests {

    static final StubService products = new StubService();

    @DynamicPropertySource
    static void productsInstance(DynamicPropertyRegistry registry) {
        for (String service : new String[] { "products", "orders", "delivery", "mypage", "oauth", "ui" }) {
            // one stub plays every service: the test checks which path reaches it, not who answers
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri",
                    () -> "http://127.0.0.1:" + products.port());
        }
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void productsUpAndCircuitClosed() {
        products.start();
        circuitBreakers.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @AfterEach
    void stopProducts() {
        products.stop();
    }

    @Test
    void shouldRouteCatalogueRequestsToTheProductsService() throws Exception {
        HttpResponse<String> response = get("/api/products?q=tv&page=0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"servedBy\":\"stub\"");
        assertThat(products.lastRequest()).isEqualTo("GET /api/products?q=tv&page=0");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/orders?page=1", "/api/orders/42", "/api/admin/orders/stuck",
            "/api/deliveries?orderId=42", "/api/admin/deliveries/42", "/api/mypage/orders", "/api/mypage/mileage" })
    void shouldRouteEachSagaServicesPaths(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(products.lastRequest()).isEqualTo("GET " + path);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/products/3", "/mypage/mashup", "/assets/index-abc123.js", "/signup?from=home" })
    void shouldRouteEveryOtherPageToTheBrowserShop(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(products.lastRequest()).isEqualTo("GET " + path);
    }

    @Test
    void shouldAnswerAProblemNamingTheServiceWithinOneSecondWhenItIsDownAndRecoverByItself() throws Exception {
        products.stop();

        for (int i = 0; i < 12; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = get("/api/products");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"service\":\"products\"").doesNotContain("Exception");
            assertThat(response.body()).containsAnyOf("\"reason\":\"unreachable\"", "\"reason\":\"circuit-open\"");
            assertThat(took).isLessThan(Duration.ofSeconds(1));
        }
        assertThat(get("/api/products").body()).contains("\"reason\":\"circuit-open\"");

        products.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            Thread.sleep(250);
            status = get("/api/products").statusCode();
        }
        assertThat(status).as("products answers through the gateway again").isEqualTo(200);
    }

    @Test
    void shouldCutOffASlowServiceAtTheRouteTimeout() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get("/api/products/slow");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"service\":\"products\"", "\"reason\":\"timeout\"");
        assertThat(took).isBetween(Duration.ofMillis(600), Duration.ofMillis(2_500));
    }

    @Test
    void shouldServe50ConcurrentRequestsWithoutAFallback() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            // the question is the bulkhead's size, not a cold JVM: on two busy cores the first burst
            // can outlast this class's 700 ms route timeout, so one burst warms up and is not judged
            burst(pool);
            circuitBreakers.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach(CircuitBreaker::reset);

            assertThat(burst(pool)).hasSize(50).containsOnly(200);
        }
        finally {
            pool.shutdownNow();
        }
    }

    private List<Integer> burst(ExecutorService pool) throws InterruptedException {
        List<Callable<Integer>> calls = IntStream.range(0, 50)
                .<Callable<Integer>>mapToObj(i -> () -> get("/api/products?page=" + i).statusCode())
                .toList();
        return pool.invokeAll(calls).stream().map(GatewayRoutingTests::join).toList();
    }

    @Test
    void shouldAnswerOversizedRequestsWithProblemsBeforeTheyReachAService() throws Exception {
        int before = products.requests();
        HttpResponse<String> longUri = get("/api/products?q=" + "x".repeat(10_000));
        HttpResponse<String> largeHeaders = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/products"))
                .header("X-Padding", "x".repeat(20_000)).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> announcedBody = post("/api/products", HttpRequest.BodyPublishers.ofByteArray(new byte[7 * 1024 * 1024]));
        assertThat(products.requests()).as("refused before the gateway called the service").isEqualTo(before);
        // a publisher of unknown length: the JDK client sends it chunked, without Content-Length
        HttpResponse<String> chunkedBody = post("/api/products", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(new byte[7 * 1024 * 1024])));

        assertThat(List.of(longUri, largeHeaders, announcedBody, chunkedBody)).extracting(HttpResponse::statusCode)
                .containsExactly(414, 431, 413, 413);
        assertThat(List.of(longUri, largeHeaders, announcedBody, chunkedBody)).allSatisfy(response -> assertThat(
                response.headers().firstValue("Content-Type")).hasValue("application/problem+json"));
        // a chunked body is counted as it is passed on: the service sees the start, never more than the limit
        assertThat(chunkedBody.body()).contains("\"detail\":\"The request body is larger than 6291456 bytes.\"");
    }

    @Test
    void shouldPassAChunkedBodyWithinTheLimit() throws Exception {
        HttpResponse<String> chunked = post("/api/products", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(new byte[64 * 1024])));

        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(products.lastRequest()).isEqualTo("POST /api/products");
    }

    @ParameterizedTest
    @ValueSource(strings = { "products", "orders", "delivery", "mypage" })
    void shouldRouteTheOperationsPagesCallsToTheServiceTheyName(String service) throws Exception {
        assertThat(get("/api/admin/services/" + service + "/events").statusCode()).isEqualTo(200);
        assertThat(products.lastRequest()).isEqualTo("GET /api/admin/events");

        assertThat(post("/api/admin/services/" + service + "/dead-letters/shop.orders/replay",
                HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(200);
        assertThat(products.lastRequest()).isEqualTo("POST /api/admin/dead-letters/shop.orders/replay");
        assertThat(get("/api/admin/services/oauth/events").statusCode()).as("no such route").isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = { "products", "orders", "delivery", "mypage", "accounts" })
    void shouldRouteEachServicesOpenApiDocument(String name) throws Exception {
        HttpResponse<String> document = get("/v3/api-docs/" + name);

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(products.lastRequest()).isEqualTo("GET /v3/api-docs");
    }

    @Test
    void shouldServeOneSwaggerUiListingEveryDocumentAndItsOwn() throws Exception {
        get("/api/products?marker");
        HttpResponse<String> welcome = get("/swagger-ui.html");
        assertThat(welcome.statusCode()).isEqualTo(302);
        String page = welcome.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> ui = get(page.replaceFirst("^https?://[^/]+", ""));
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");

        HttpResponse<String> config = get("/v3/api-docs/gateway/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("\"url\":\"/v3/api-docs/products\"", "\"url\":\"/v3/api-docs/accounts\"",
                "\"url\":\"/v3/api-docs/gateway\"");
        HttpResponse<String> own = get("/v3/api-docs/gateway");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"/api/session\"", "\"servers\":[{\"url\":\"/\"}]").doesNotContain("/fallback");
        assertThat(products.lastRequest()).as("none of it is the ui's").isEqualTo("GET /api/products?marker");
    }

    @Test
    void shouldAnswerAnUnknownPathWithANotFoundProblem() throws Exception {
        HttpResponse<String> response = get("/api/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":404");
    }

    @Test
    void shouldExposeHealthAndCircuitBreakerMetricsOnTheManagementPortOnly() throws Exception {
        get("/api/products");

        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/prometheus").body())
                .contains("application=\"gateway\"")
                .contains("resilience4j_circuitbreaker_state");
        for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/health", "/actuator/env" }) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path + " on the public port").isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(products.lastRequest()).as("not passed on to the ui either").isEqualTo("GET /api/products");
        for (String probe : new String[] { "/readyz", "/livez" }) {
            HttpResponse<String> health = get(probe);
            assertThat(health.statusCode()).as(probe + " on the public port, for load balancers").isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(port, path);
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        // a bearer token is not needed here: the gateway leaves authorization to the services, and the
        // request carries no session, so no CSRF token either
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/octet-stream").timeout(Duration.ofSeconds(20)).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Integer join(Future<Integer> future) {
        try {
            return future.get();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
