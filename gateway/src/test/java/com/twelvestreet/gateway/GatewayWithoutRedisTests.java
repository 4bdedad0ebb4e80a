package com.twelvestreet.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.twelvestreet.platform.test.TestPorts;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis down: the catalogue is still served (rate limits fail open, counted); a login or a session says it cannot be served now. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false", "GATEWAY_CLIENT_SECRET=test-secret" })
class GatewayWithoutRedisTests {

    @RegisterExtension
    static final StubService products = new StubService();

    @DynamicPropertySource
    static void nothingListensWhereRedisShouldBe(DynamicPropertyRegistry registry) {
        int closedPort = TestPorts.free();
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> closedPort);
        registry.add("spring.cloud.discovery.client.simple.instances.products[0].uri",
                () -> "http://127.0.0.1:" + products.port());
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldServeTheCatalogueUncheckedAndCountIt() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> catalogue = get("/api/products");
            assertThat(catalogue.statusCode()).isEqualTo(200);
            assertThat(catalogue.headers().firstValue("RateLimit-Remaining")).isEmpty();
        }

        assertThat(meters.get("gateway.rate.limit").tag("outcome", "unavailable").counter().count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldStayLiveAndReadyForTheTrafficItStillServes() throws Exception {
        for (String probe : new String[] { "/livez", "/readyz" }) {
            HttpResponse<String> health = get(probe);
            assertThat(health.statusCode()).as(probe + ": a restart or no traffic would not bring Redis back")
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldAnswerALoginThatNeedsASessionWithAServiceUnavailableProblem() throws Exception {
        HttpResponse<String> login = get("/oauth2/authorization/twelvestreet");

        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(login.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(login.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void shouldAnswerAShopperWhoseSessionCannotBeReadWithAServiceUnavailableProblem() throws Exception {
        HttpResponse<String> session = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session"))
                .header("Cookie", "SHOP_SESSION=a-session-in-redis").timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(session.statusCode()).isEqualTo(503);
        assertThat(session.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
