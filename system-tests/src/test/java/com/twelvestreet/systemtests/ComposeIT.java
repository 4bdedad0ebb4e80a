package com.twelvestreet.systemtests;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import com.twelvestreet.platform.test.TestBrowser;
import com.twelvestreet.platform.test.TestBrowser.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shop as a Docker user runs it: the project's own docker-compose.yml in a real Docker engine (the test's own,
 * started and stopped by {@code system-tests/compose-live}), the twelve-street images built by Jib, the backing
 * services stood in for (system-tests/compose). The same acceptance as {@code ./shop up}: healthy in start order,
 * the catalogue and a login through the published port, an order delivered with mileage, a crashed container
 * brought back by {@code restart:}, and nothing left after {@code docker-compose down -v}.
 * It runs alone, after the other system tests have stopped their stack (a failsafe execution of its own).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeIT {

    static final String SHOP = "http://localhost:18080";
    static final Map<String, Integer> SCRAPED_PORTS = Map.of("discovery", 8761, "oauth", 9000, "products", 8081,
            "orders", 8082, "delivery", 8083, "mypage", 8084, "ui", 8085, "gateway", 8090);

    private final ComposeLive live = new ComposeLive();
    private final Http http = new Http();
    private Map<String, Map<String, Object>> services;
    private String shopperToken;
    private boolean started;

    @BeforeAll
    void up() {
        String missing = ComposeLive.missingPrerequisite();
        if (missing != null && "true".equals(System.getenv("COMPOSE_LIVE_REQUIRED"))) {
            fail("The live compose run is required here, but " + missing);
        }
        assumeTrue(missing == null, () -> "The live compose run is left out on this machine: " + missing);
        services = ComposeFileTest.SERVICES;
        started = true;
        live.run("up");
    }

    @AfterAll
    void down() {
        if (started) {
            live.run("down");
        }
    }

    @Test
    @Order(1)
    void shouldStartEveryContainerHealthyAfterWhatItDependsOn() {
        for (String service : services.keySet()) {
            if (service.equals("grafana")) {
                continue; // no stand-in: left out of the live run (README)
            }
            String container = live.container(service);
            assertThat(container).as(service + " has a container").isNotEmpty();
            String state = live.inspect(container, "{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}"
                    + "{{.State.ExitCode}}{{end}}");
            // only a one-off (restart: "no", the volume owner) may have exited, and then with 0
            assertThat(state).as(service).isEqualTo("no".equals(services.get(service).get("restart")) ? "exited 0" : "running healthy");
            dependencies(service).forEach(dependency -> assertThat(startedAt(service))
                    .as(service + " started after " + dependency).isAfter(startedAt(dependency)));
        }
        assertThat(live.inspect(live.container("gateway"), "{{.Config.User}} {{.HostConfig.ReadonlyRootfs}}"))
                .as("the services run as the image's user on a read-only root").isEqualTo("10001:10001 true");
    }

    @Test
    @Order(2)
    void shouldServeTheCatalogueAndTheShopThroughThePublishedPort() {
        JsonNode catalogue = http.json(http.get(SHOP + "/api/products"));
        assertThat(catalogue.get("items")).isNotEmpty();
        assertThat(http.get(SHOP + "/", "text/html").body()).contains("<div id=\"app\"");
    }

    @Test
    @Order(3)
    void shouldLogInThroughTheAuthorizationServerBehindTheGateway() {
        // the browser sees the issuer on the published port, the gateway reaches it as oauth:9000 in the network
        TestBrowser browser = Logins.browser(SHOP, Logins.SHOPPER, Logins.SHOPPER_PASSWORD);
        JsonNode session = Logins.json(browser.get(SHOP + "/api/session", Map.of("Accept", "application/json")));
        assertThat(session.toString()).contains(Logins.SHOPPER);
        shopperToken = Logins.deviceToken(SHOP, Logins.SHOPPER, Logins.SHOPPER_PASSWORD);
    }

    @Test
    @Order(4)
    void shouldDeliverAnOrderAndCreditItsMileageInMyPage() {
        String id = place(1, 1).get("id").asString();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> get("/api/orders/" + id).get("status").asString(), "DELIVERED"::equals);
        JsonNode mine = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(
                () -> myPageOrder(id), order -> order != null && order.get("status").asString().equals("DELIVERED"));
        assertThat(mine.get("mileage").asLong()).isPositive();
        assertThat(mine.get("timeline")).extracting(step -> step.get("status").asString())
                .containsExactly("PENDING", "CONFIRMED", "SHIPPED", "DELIVERED");
    }

    @Test
    @Order(5)
    void shouldScrapeEveryServiceAtTheAddressItRegistered() {
        // Prometheus finds the instances in Eureka; each must be scraped on the port it serves metrics on
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            Map<String, String> scraped = new HashMap<>();
            http.json(http.get("http://127.0.0.1:9090/api/v1/targets")).at("/data/activeTargets").forEach(target ->
                    scraped.put(target.at("/labels/service").asString(), target.get("scrapeUrl").asString()));
            SCRAPED_PORTS.forEach((service, port) -> assertThat(scraped.get(service)).as(service)
                    .matches("http://[\\w.-]+:" + port + "/actuator/prometheus"));
        });
    }

    @Test
    @Order(6)
    void shouldBringACrashedServiceBackAndTakeOrdersAgain() {
        String orders = live.container("orders");
        String pid = live.inspect(orders, "{{.State.Pid}}");
        try {
            assertThat(new ProcessBuilder("kill", "-9", pid).start().waitFor()).isZero();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
                live.inspect(orders, "{{.RestartCount}} {{.State.Health.Status}}"), state -> state.equals("1 healthy"));
        String id = place(2, 1).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> get("/api/orders/" + id).get("status").asString(), "CONFIRMED"::equals);
    }

    @Test
    @Order(7)
    void shouldLeaveNothingBehindAfterComposeDown() {
        live.run("compose", "down", "-v");
        assertThat(live.docker("ps", "-aq")).as("containers").isEmpty();
        assertThat(live.docker("volume", "ls", "-q")).as("volumes").isEmpty();
        assertThat(live.docker("network", "ls", "-q", "--filter", "label=com.docker.compose.project")).as("networks").isEmpty();
    }

    /** Placed with one Idempotency-Key, retried after a 503 as a careful client does (a service may be starting). */
    private JsonNode place(long productId, int quantity) {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + shopperToken, "Content-Type", "application/json",
                "Accept", "application/json", "Idempotency-Key", "compose-it-" + UUID.randomUUID());
        String body = """
                {"lines": [{"productId": %d, "quantity": %d}], "shippingAddress": %s}""".formatted(productId, quantity, SagaIT.ADDRESS);
        Page placed = new TestBrowser().send("POST", SHOP + "/api/orders", headers, body);
        for (int attempt = 1; placed.status() == 503 && attempt < 20; attempt++) {
            await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
            placed = new TestBrowser().send("POST", SHOP + "/api/orders", headers, body);
        }
        assertThat(placed.status()).as(placed.body()).isIn(200, 201);
        return http.json(placed.body());
    }

    private JsonNode get(String path) {
        return Logins.json(new TestBrowser().get(SHOP + path,
                Map.of("Authorization", "Bearer " + shopperToken, "Accept", "application/json")));
    }

    private JsonNode myPageOrder(String id) {
        for (JsonNode order : get("/api/mypage/orders?size=100").get("items")) {
            if (order.get("orderId").asString().equals(id)) {
                return order;
            }
        }
        return null;
    }

    private Instant startedAt(String service) {
        return Instant.parse(live.inspect(live.container(service), "{{.State.StartedAt}}"));
    }

    @SuppressWarnings("unchecked")
    private List<String> dependencies(String service) {
        Object dependsOn = services.get(service).get("depends_on");
        return dependsOn instanceof Map<?, ?> map ? List.copyOf((java.util.Set<String>) map.keySet()) : List.of();
    }
}
