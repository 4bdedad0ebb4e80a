package com.twelvestreet.systemtests;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.twelvestreet.platform.test.TestBrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway replicas on one Redis, as the Kubernetes overlays run them: a login made through one is
 * good on the other and survives a restart of either, an account's budget is one budget whichever
 * replica a request reaches, and with Redis down the shop still serves its catalogue.
 */
@ExtendWith(ShopStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeIT {

    static final String SHOP = Logins.SHOP;
    static SecondGateway second;
    static TestBrowser shopper;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void secondGatewayUp() throws Exception {
        second = SecondGateway.start(ShopStack.shop);
        shopper = Logins.browser(Logins.SHOPPER, Logins.SHOPPER_PASSWORD);
    }

    @AfterAll
    static void secondGatewayDown() throws Exception {
        if (second != null) {
            second.close();
        }
    }

    @Test
    @Order(1)
    void shouldShareOneLoginBetweenGatewaysAndKeepItAcrossARestart() throws Exception {
        String session = shopper.cookie(SHOP, "SHOP_SESSION");
        assertThat(redis("TTL twelvestreet:gateway:session:sessions:" + session)).as("a completed login's session, in seconds")
                .matches(":\\d+").satisfies(ttl -> assertThat(Long.parseLong(ttl.substring(1))).isGreaterThan(7 * 3600));
        assertThat(email(shopper.get(SecondGateway.url("/api/session"), json()))).isEqualTo(Logins.SHOPPER);
        // the tokens live in the session too: the second replica relays them to the services
        assertThat(shopper.get(SecondGateway.url("/api/orders"), json()).status()).isEqualTo(200);

        ShopStack.shop.run("stop", "gateway");
        assertThat(email(shopper.get(SecondGateway.url("/api/session"), json()))).as("while the first is down")
                .isEqualTo(Logins.SHOPPER);
        ShopStack.shop.run("start", "gateway");

        assertThat(email(shopper.get(SHOP + "/api/session", json()))).as("after the restart").isEqualTo(Logins.SHOPPER);
    }

    @Test
    @Order(2)
    void shouldSpendOneAccountBudgetOnEveryGatewayAndLeaveOtherAccountsAlone() throws Exception {
        String flooder = "Bearer " + Logins.deviceToken(Logins.SHOPPER, Logins.SHOPPER_PASSWORD);
        String neighbour = "Bearer " + Logins.deviceToken(Logins.ADMIN, Logins.ADMIN_PASSWORD);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> flood = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 400; i++) {
            String url = (i % 2 == 0 ? SHOP : "http://localhost:" + SecondGateway.PORT) + "/api/session";
            flood.add(threads.submit(() -> send(url, flooder)));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> response : flood) {
            responses.add(response.get());
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L + 1;
        threads.shutdown();

        long served = responses.stream().filter(response -> response.statusCode() == 200).count();
        // the default account budget: bursts of 100, 50 a second; two gateways with a bucket each would serve 200 more
        assertThat(served).as("one budget across both gateways").isBetween(100L, 100L + 50 * seconds);
        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 429);
        assertThat(responses).filteredOn(response -> response.statusCode() == 429)
                .extracting(response -> response.uri().getPort()).as("refused by both replicas").contains(8080, SecondGateway.PORT);
        HttpResponse<String> refused = responses.stream().filter(response -> response.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("\"budget\":\"account\"");

        assertThat(send(SHOP + "/api/session", neighbour).statusCode()).as("another account").isEqualTo(200);
    }

    @Test
    @Order(3)
    void shouldServeTheCatalogueWhileRedisIsDownAndKeepLoginsThroughItsRestart() {
        Http http = new Http();
        ShopStack.shop.run("stop", "redis");
        try {
            assertThat(http.get(SHOP + "/api/products?size=1").statusCode()).isEqualTo(200);
            assertThat(http.get(SecondGateway.url("/api/products?size=1")).statusCode()).isEqualTo(200);
            TestBrowser.Page session = shopper.get(SHOP + "/api/session", json());
            assertThat(session.status()).as("a session cannot be read").isEqualTo(503);
            assertThat(session.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(session.response().headers().firstValue("Retry-After")).hasValue("5");
            assertThat(http.get("http://127.0.0.1:" + ServiceModules.managementPort("gateway") + "/actuator/prometheus", "text/plain")
                    .body()).containsPattern("gateway_rate_limit_total\\{[^}]*outcome=\"unavailable\"[^}]*} [1-9]");
        }
        finally {
            ShopStack.shop.run("start", "redis");
        }
        // as the 503's Retry-After asks: the gateway reconnects within seconds, and the session outlived the restart
        await("the session back after Redis's restart").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> shopper.get(SHOP + "/api/session", json()).status() == 200);
        assertThat(email(shopper.get(SHOP + "/api/session", json()))).isEqualTo(Logins.SHOPPER);
    }

    private HttpResponse<String> send(String url, String authorization) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One command to the stack's Redis (./shop: 127.0.0.1:6379, no password), its one-line reply. */
    private static String redis(String command) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }

    private static Map<String, String> json() {
        return Map.of("Accept", "application/json");
    }

    private static String email(TestBrowser.Page session) {
        return Logins.json(session).get("email").asString();
    }
}
