package com.twelvestreet.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.twelvestreet.platform.test.TestJwtIssuer;
import com.twelvestreet.platform.test.TestJwtIssuerConfiguration;
import com.twelvestreet.platform.test.TestRedisConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's fault switch, as a drill or an operator exploring the browser shop's behaviour uses it: on the
 * management port only, for ADMIN tokens only, slowing or failing the gateway's own traffic but never its probes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false", "GATEWAY_CLIENT_SECRET=test-secret", "twelvestreet.faults.enabled=true" })
@Import({ TestJwtIssuerConfiguration.class, TestRedisConfiguration.class })
class GatewayFaultSwitchTests {

    @RegisterExtension
    static final StubService products = new StubService();

    @DynamicPropertySource
    static void productsInstance(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.products[0].uri",
                () -> "http://127.0.0.1:" + products.port());
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    TestJwtIssuer issuer;

    @Autowired
    MeterRegistry meters;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void clear() throws Exception {
        assertThat(send(managementPort, "/actuator/faults", admin(), "DELETE", null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLetOnlyAnAdminOnTheManagementPortReadOrSetTheSwitch() throws Exception {
        assertThat(send(managementPort, "/actuator/faults", null, "GET", null).statusCode()).isEqualTo(401);
        String shopper = issuer.token("shopper", "CUSTOMER");
        assertThat(send(managementPort, "/actuator/faults", shopper, "GET", null).statusCode()).isEqualTo(403);
        assertThat(send(managementPort, "/actuator/faults", shopper, "POST", "{\"errorRate\": 1}").statusCode())
                .isEqualTo(403);
        assertThat(send(port, "/actuator/faults", admin(), "POST", "{\"errorRate\": 1}").statusCode())
                .as("not on the public port, not even for an admin").isEqualTo(404);

        assertThat(get("/api/products").statusCode()).isEqualTo(200);
        HttpResponse<String> current = send(managementPort, "/actuator/faults", admin(), "GET", null);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.body()).isEqualTo("{\"latencyMillis\":0,\"errorRate\":0.0,\"errorStatus\":500,\"ready\":true}");
    }

    @Test
    void shouldSlowEveryRouteButNotTheProbesUntilCleared() throws Exception {
        assertThat(set("{\"latencyMillis\": 400}").statusCode()).isEqualTo(200);

        long started = System.nanoTime();
        assertThat(get("/api/products").statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
        double delayed = injected("latency");
        for (String probe : new String[] { "/readyz", "/livez" }) {
            assertThat(get(probe).statusCode()).isEqualTo(200);
        }
        assertThat(injected("latency")).as("probes are never delayed").isEqualTo(delayed);

        clear();
        assertThat(get("/api/products").statusCode()).isEqualTo(200);
        assertThat(injected("latency")).isEqualTo(delayed);
    }

    @Test
    void shouldAnswerTheChosenShareOfRequestsWithProblemDetailsInsteadOfRouting() throws Exception {
        assertThat(set("{\"errorRate\": 1, \"errorStatus\": 503}").statusCode()).isEqualTo(200);
        String before = products.lastRequest();

        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/products?fault=1")).header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"detail\":\"An error injected by the fault switch (/actuator/faults).\"",
                "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"");
        assertThat(products.lastRequest()).as("never routed").isEqualTo(before);

        assertThat(set("{\"errorRate\": 0.5}").statusCode()).isEqualTo(200);
        long failed = IntStream.range(0, 200).filter(i -> statusOf("/api/products") == 500).count();
        assertThat(failed).as("about half of 200 requests").isBetween(60L, 140L);
    }

    @Test
    void shouldRefuseTrafficOnTheReadinessProbesAndStayAlive() throws Exception {
        assertThat(set("{\"ready\": false}").statusCode()).isEqualTo(200);

        assertThat(get("/readyz").statusCode()).isEqualTo(503);
        assertThat(send(managementPort, "/actuator/health/readiness", null, "GET", null).statusCode()).isEqualTo(503);
        HttpResponse<String> live = get("/livez");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(get("/api/products").statusCode()).isEqualTo(200);

        clear();
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAFaultOutOfRangeAndKeepTheOneBefore() throws Exception {
        assertThat(set("{\"latencyMillis\": 100}").statusCode()).isEqualTo(200);
        assertThat(set("{\"latencyMillis\": -1, \"errorStatus\": 404}").statusCode()).isEqualTo(400);
        assertThat(send(managementPort, "/actuator/faults", admin(), "GET", null).body()).contains("\"latencyMillis\":100");
    }

    private HttpResponse<String> set(String fault) throws Exception {
        return send(managementPort, "/actuator/faults", admin(), "POST", fault);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(port, path, null, "GET", null);
    }

    private int statusOf(String path) {
        try {
            return get(path).statusCode();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private HttpResponse<String> send(int toPort, String path, String token, String method, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private double injected(String kind) {
        return meters.counter("twelvestreet.faults.injected", "kind", kind).count();
    }

    private String admin() {
        return issuer.token("operator", "ADMIN");
    }
}
