package com.twelvestreet.systemtests;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack as {@code ./shop up} starts it: real PostgreSQL, Kafka, Zipkin, Eureka and every
 * service as its own JVM, reached through the gateway on port 8080.
 */
@ExtendWith(ShopStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopStackIT {

    static final String GATEWAY = "http://127.0.0.1:8080";
    static final String EUREKA = "http://127.0.0.1:8761";
    static final String ZIPKIN = "http://127.0.0.1:9411";

    final Shop shop = ShopStack.shop;
    final Http http = new Http();

    @Test
    @Order(1)
    void shouldServeTheDemoCatalogueThroughTheGateway() {
        HttpResponse<String> response = http.get(GATEWAY + "/api/products");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode items = http.json(response).get("items");
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get("name").asString()));
        // the demo catalogue comes first; other system-test classes may have added products since
        assertThat(names).startsWith("TV", "MASK", "NOTEBOOK", "TABLE", "CLOCK");

        HttpResponse<String> image = http.get(GATEWAY + items.get(0).get("imageUrl").asString());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    }

    @Test
    @Order(2)
    void shouldListTheServicesInEureka() {
        HttpResponse<String> response = http.get(EUREKA + "/eureka/apps");

        assertThat(response.statusCode()).isEqualTo(200);
        Set<String> up = new HashSet<>();
        http.json(response).get("applications").get("application").forEach(app -> app.get("instance")
                .forEach(instance -> {
                    if ("UP".equals(instance.get("status").asString())) {
                        up.add(app.get("name").asString());
                    }
                }));
        assertThat(up).contains("PRODUCTS", "GATEWAY");
    }

    @Test
    @Order(2)
    void shouldStartTheServicesItWasAskedToFromTheStartUpCachesItsTrainingRunsMade() throws IOException {
        for (String service : List.of("discovery", "oauth", "products", "orders", "delivery", "mypage", "ui", "gateway")) {
            String pid = Files.readString(shop.home().resolve("run").resolve(service + ".pid")).strip();
            String commandLine = Files.readString(Path.of("/proc", pid, "cmdline")).replace('\0', ' ');
            Matcher cache = Pattern.compile("-XX:(?:AOTCache|SharedArchiveFile)=(\\S+)").matcher(commandLine);
            if (!Shop.CACHED_SERVICES.contains(service)) {
                assertThat(cache.find()).as("%s starts from its jar: %s", service, commandLine).isFalse();
                continue;
            }
            assertThat(cache.find()).as("%s runs from a start-up cache: %s", service, commandLine).isTrue();
            assertThat(Path.of(cache.group(1))).as(service).isNotEmptyFile();
            // a cache the JVM cannot map (another JDK, other options) is reported on its output, and ignored
            assertThat(Files.readAllLines(shop.home().resolve("logs").resolve(service + ".log")))
                    .as("%s's log", service).noneMatch(line -> line.matches(".*\\[error *\\]\\[(aot|cds)\\].*"));
        }
    }

    @Test
    @Order(3)
    void shouldTraceACatalogueRequestAcrossGatewayAndProductsInZipkin() throws InterruptedException {
        assertThat(http.get(GATEWAY + "/api/products?q=clock").statusCode()).isEqualTo(200);

        boolean joined = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!joined && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            HttpResponse<String> traces = http.get(ZIPKIN + "/api/v2/traces?serviceName=products&limit=20");
            for (JsonNode trace : http.json(traces)) {
                Set<String> services = new HashSet<>();
                trace.forEach(span -> services.add(span.path("localEndpoint").path("serviceName").asString()));
                joined |= services.containsAll(Set.of("gateway", "products"));
            }
        }
        assertThat(joined).as("one Zipkin trace holds spans of both gateway and products").isTrue();
    }

    @Test
    @Order(4)
    void shouldAnswerAProblemWithinOneSecondWhileProductsIsDownAndRecoverWhenItIsBack() throws InterruptedException {
        shop.run("stop", "products");

        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.get(GATEWAY + "/api/products");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(http.json(response).get("service").asString()).isEqualTo("products");
            assertThat(took).isLessThan(Duration.ofSeconds(1));
        }

        shop.run("start", "products");
        int status = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = http.get(GATEWAY + "/api/products").statusCode();
        }
        assertThat(status).as("the gateway finds products again by itself").isEqualTo(200);
    }

    @Test
    @Order(5)
    void shouldExposeEveryMetricTheGrafanaDashboardCharts() {
        JsonNode dashboard = http.json(ServiceModules.read(ServiceModules.ROOT.resolve("deploy/grafana/dashboards/twelvestreet.json")));
        Set<String> charted = new TreeSet<>();
        dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(target -> {
            // a metric is a name followed by its label selector or by the end of its function call
            Matcher metric = Pattern.compile("([a-z][a-z0-9_]*)(?=\\{|\\)(?!\\s*\\())").matcher(target.get("expr").asString());
            while (metric.find()) {
                charted.add(metric.group(1));
            }
        }));
        StringBuilder scraped = new StringBuilder();
        for (String service : ServiceModules.withImages()) {
            HttpResponse<String> metrics = http.get("http://127.0.0.1:" + ServiceModules.managementPort(service) + "/actuator/prometheus",
                    "text/plain");
            assertThat(metrics.statusCode()).as(service + " /actuator/prometheus").isEqualTo(200);
            scraped.append(metrics.body());
        }

        assertThat(charted).contains("http_server_requests_seconds_bucket", "orders_by_state");
        assertThat(charted).allSatisfy(metric -> assertThat(scraped).as("some service exposes " + metric)
                .containsPattern("(?m)^" + metric + "\\{"));
    }
}
