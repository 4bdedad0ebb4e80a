package com.twelvestreet.products.faults;

import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.platform.test.TestJwtIssuer;
import com.twelvestreet.products.ProductsApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's fault switch as a drill or a curious operator uses it on products: latency, errors at a
 * rate, a refused readiness probe, set and cleared by an ADMIN token only.
 */
@ProductsApiTest
@TestPropertySource(properties = "twelvestreet.faults.enabled=true")
class FaultSwitchTests {

    @Autowired
    RestTestClient http;

    @Autowired
    TestJwtIssuer issuer;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void clear() {
        http.delete().uri("/actuator/faults").headers(h -> h.setBearerAuth(admin())).exchange().expectStatus().isOk();
    }

    @Test
    void shouldLetOnlyAnAdminReadOrSetTheSwitch() {
        http.get().uri("/actuator/faults").exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/faults").headers(h -> h.setBearerAuth(issuer.token("shopper", "CUSTOMER")))
                .exchange().expectStatus().isForbidden();
        set("{\"errorRate\": 1}", issuer.token("shopper", "CUSTOMER")).expectStatus().isForbidden();

        http.get().uri("/api/products").exchange().expectStatus().isOk();
        http.get().uri("/actuator/faults").headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"latencyMillis\": 0, \"errorRate\": 0, \"errorStatus\": 500, \"ready\": true}");
    }

    @Test
    void shouldSlowEveryRequestButTheActuatorsUntilCleared() {
        set("{\"latencyMillis\": 400}", admin()).expectStatus().isOk()
                .expectBody().jsonPath("$.latencyMillis").isEqualTo(400);

        long started = System.nanoTime();
        http.get().uri("/api/products").exchange().expectStatus().isOk();
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
        double delayed = injected("latency");
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        assertThat(injected("latency")).as("probes are never delayed").isEqualTo(delayed);

        clear();
        http.get().uri("/api/products").exchange().expectStatus().isOk();
        assertThat(injected("latency")).isEqualTo(delayed);
    }

    @Test
    void shouldAnswerTheChosenShareOfRequestsWithProblemDetails() {
        set("{\"errorRate\": 1, \"errorStatus\": 503}", admin()).expectStatus().isOk();
        http.get().uri("/api/products").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("An error injected by the fault switch (/actuator/faults).");

        set("{\"errorRate\": 0.5}", admin()).expectStatus().isOk();
        long failed = IntStream.range(0, 200)
                .map(i -> http.get().uri("/api/products").exchange().returnResult().getStatus().value())
                .filter(status -> status == 500).count();
        assertThat(failed).as("about half of 200 requests").isBetween(60L, 140L);
    }

    @Test
    void shouldRefuseTrafficOnTheReadinessProbeAndStayAlive() {
        set("{\"ready\": false}", admin()).expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("OUT_OF_SERVICE");
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/api/products").exchange().expectStatus().isOk();

        clear();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void shouldRefuseAFaultOutOfRangeAndKeepTheOneBefore() {
        set("{\"latencyMillis\": 100}", admin()).expectStatus().isOk();
        set("{\"errorRate\": 1.5, \"errorStatus\": 404}", admin()).expectStatus().isBadRequest();
        http.get().uri("/actuator/faults").headers(h -> h.setBearerAuth(admin())).exchange()
                .expectBody().jsonPath("$.latencyMillis").isEqualTo(100).jsonPath("$.errorRate").isEqualTo(0);
    }

    private RestTestClient.ResponseSpec set(String fault, String token) {
        return http.post().uri("/actuator/faults").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).body(fault).exchange();
    }

    private double injected(String kind) {
        return meters.counter("twelvestreet.faults.injected", "kind", kind).count();
    }

    private String admin() {
        return issuer.token("operator", "ADMIN");
    }
}
