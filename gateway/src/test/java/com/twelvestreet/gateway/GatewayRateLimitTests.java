package com.twelvestreet.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.twelvestreet.platform.test.TestJwtIssuer;
import com.twelvestreet.platform.test.TestJwtIssuerConfiguration;
import com.twelvestreet.platform.test.TestRedisConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budgets per account, per client address and for logins, in a real Redis; and sessions that cannot be
 * used to lock anyone out. Client addresses are told by X-Forwarded-For, which the gateway reads because
 * the test connects from a trusted proxy address (loopback), as an ingress controller does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false", "GATEWAY_CLIENT_SECRET=test-secret",
        "twelvestreet.gateway.rate-limits.account.replenish-rate=1",
        "twelvestreet.gateway.rate-limits.account.burst-capacity=20",
        "twelvestreet.gateway.rate-limits.anonymous.replenish-rate=1",
        "twelvestreet.gateway.rate-limits.anonymous.burst-capacity=30",
        "twelvestreet.gateway.rate-limits.login.replenish-rate=1",
        "twelvestreet.gateway.rate-limits.login.burst-capacity=5" })
@Import({ TestJwtIssuerConfiguration.class, TestRedisConfiguration.class })
class GatewayRateLimitTests {

    @RegisterExtension
    static final StubService products = new StubService();

    @DynamicPropertySource
    static void serviceInstances(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.products[0].uri",
                () -> "http://127.0.0.1:" + products.port());
    }

    @LocalServerPort
    int port;

    @Autowired
    TestJwtIssuer issuer;

    @Autowired
    ReactiveStringRedisTemplate redis;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldStopOneAccountsFloodWithAProblemWhileAnotherAccountIsServed() throws Exception {
        String flooder = issuer.token("flooder-" + System.nanoTime(), "CUSTOMER");
        String neighbour = issuer.token("neighbour-" + System.nanoTime(), "CUSTOMER");

        List<HttpResponse<String>> flood = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            // one address for both accounts: the budget follows the account, not the address
            flood.add(send(request("/api/products", "198.51.100.1").header("Authorization", "Bearer " + flooder)));
        }
        long seconds = secondsSince(started);
        HttpResponse<String> neighbours = send(request("/api/products", "198.51.100.1").header("Authorization", "Bearer " + neighbour));

        long served = flood.stream().filter(response -> response.statusCode() == 200).count();
        assertThat(served).as("the burst of 20, plus one a second during the flood").isBetween(20L, 20L + seconds);
        HttpResponse<String> refused = flood.get(flood.size() - 1);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("20");
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(refused.body()).contains("\"status\":429", "\"budget\":\"account\"");
        assertThat(neighbours.statusCode()).isEqualTo(200);
        assertThat(neighbours.headers().firstValue("RateLimit-Remaining")).hasValue("19");
    }

    @Test
    void shouldBudgetAnonymousCallsPerClientAddress() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            statuses.add(send(request("/api/products", "203.0.113.9")).statusCode());
        }

        assertThat(statuses).contains(429);
        assertThat(send(request("/api/products", "203.0.113.10")).statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void shouldHoldLoginsToATighterBudgetPerClientAddress() throws Exception {
        List<Integer> logins = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            logins.add(send(request("/oauth2/authorization/twelvestreet", "192.0.2.50")).statusCode());
        }
        List<Integer> signUps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            signUps.add(send(request("/api/accounts", "192.0.2.50").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode());
        }
        long seconds = secondsSince(started);

        assertThat(logins.subList(0, 5)).containsOnly(302);
        assertThat(logins).containsOnly(302, 429).contains(429);
        long served = logins.stream().filter(status -> status == 302).count() + signUps.stream().filter(status -> status != 429).count();
        assertThat(served).as("a burst of 5 and one a second, logins and sign-ups together").isBetween(5L, 5L + seconds);
        assertThat(send(request("/oauth2/authorization/twelvestreet", "192.0.2.51")).statusCode()).as("another address")
                .isEqualTo(302);
    }

    @Test
    void shouldLetARealUserStartALoginAfterTenThousandAbandonedOnes() throws Exception {
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<Integer>> abandoned = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            // a botnet: every address starts a login (a session each) and never finishes it
            String address = "10.%d.%d.%d".formatted(i / 65_536 % 256, i / 256 % 256, i % 256);
            inFlight.acquire();
            abandoned.add(client.sendAsync(request("/oauth2/authorization/twelvestreet", address).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> inFlight.release())
                    .thenApply(HttpResponse::statusCode));
        }
        List<Integer> statuses = abandoned.stream().map(CompletableFuture::join).toList();

        HttpResponse<String> realUser = send(request("/oauth2/authorization/twelvestreet", "198.51.100.77"));

        assertThat(statuses).containsOnly(302);
        assertThat(realUser.statusCode()).isEqualTo(302);
        assertThat(realUser.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith(issuer.issuer() + "/oauth2/authorize?"));
        String sessionKey = redis.keys("twelvestreet:gateway:session:sessions:*").blockFirst(Duration.ofSeconds(5));
        assertThat(sessionKey).as("a session in Redis among " + redis.keys("*").take(20).collectList().block()).isNotNull();
        assertThat(redis.getExpire(sessionKey).block(Duration.ofSeconds(5)))
                .as("a session that never completed a login expires within minutes")
                .isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10).plusMinutes(5));
    }

    /** Whole seconds since, rounded up: how many tokens a bucket refilled at most. */
    private static long secondsSince(long started) {
        return (System.nanoTime() - started) / 1_000_000_000L + 1;
    }

    private HttpRequest.Builder request(String path, String clientAddress) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Forwarded-For", clientAddress).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
