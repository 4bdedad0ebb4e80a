package com.twelvestreet.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.twelvestreet.platform.test.TestBrowser;
import com.twelvestreet.platform.test.TestBrowser.Page;

import static com.twelvestreet.systemtests.Logins.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order saga in the running shop, through the gateway: orders, products, delivery and mypage
 * as separate JVMs on a real Kafka broker and PostgreSQL, driven as a shopper and an admin would.
 */
@ExtendWith(ShopStack.class)
// the load burst and the outage drill last: both leave circuit breakers and JIT state the others should not meet
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SagaIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADDRESS = """
            {"recipient": "Kim Shopper", "postalCode": "04524", "addressLine": "12 Sejong-daero, Jung-gu"}""";

    static TestBrowser shopper;
    static String shopperToken;
    static String adminToken;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void logIn() {
        shopper = Logins.browser(Logins.SHOPPER, Logins.SHOPPER_PASSWORD);
        shopperToken = Logins.deviceToken(Logins.SHOPPER, Logins.SHOPPER_PASSWORD);
        adminToken = Logins.deviceToken(Logins.ADMIN, Logins.ADMIN_PASSWORD);
        // ShopStackIT may just have restarted products: the first trace needs orders to find it in Eureka again
        awaitReachable(1);
        warmUpOrdering();
    }

    /**
     * The first order after start-up initialises orders' HTTP client, load balancer and persistence
     * and can outlast the gateway's 3 s limit on two busy cores (503 "timeout"), while orders still
     * completes it. The tests below are about the saga, so one order of a demo product is placed
     * first, retried as a client should: with one Idempotency-Key, so the retries cannot order twice.
     * Right after ShopStackIT restarted products, orders' load balancer may list no products instance for a few
     * seconds and prices from its replica: the order goes through, but its trace has no products span. So warm-up
     * orders are placed until one's trace shows products answering orders (the first test asserts that hop).
     */
    private static void warmUpOrdering() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            String traceId = UUID.randomUUID().toString().replace("-", "");
            HttpResponse<String> placed = placeRetrying(lines(1, 1), "saga-it-warm-up-" + UUID.randomUUID(), 20,
                    "00-" + traceId + "-" + traceId.substring(0, 16) + "-01").join();
            assertThat(placed.statusCode()).as(placed.body()).isIn(200, 201);
            shopper.send("POST", SHOP + "/api/orders/" + JSON.readTree(placed.body()).get("id").asString() + "/cancel",
                    sessionHeaders(), null);
            // spans reach Zipkin within a second or two of the request
            return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> spans(traceId), spans -> spans.contains("orders SERVER")).contains("products SERVER");
        });
    }

    @Test
    @Order(1)
    void shouldTakeAnOrderFromPlacedToDeliveredWithStockAndMileage() {
        long tv = createProduct("SAGA TV", 10_000, 20);
        long mask = createProduct("SAGA MASK", 20_000, 20);

        // the shopper's click starts the trace (as a browser with tracing would send it); every hop continues it
        String traceId = UUID.randomUUID().toString().replace("-", "");
        JsonNode order = place(lines(tv, 2, mask, 1), "00-" + traceId + "-" + traceId.substring(0, 16) + "-01");
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        assertThat(order.get("totalAmount").asLong()).isEqualTo(40_000);
        String id = order.get("id").asString();

        awaitOrder(id, "DELIVERED");
        assertThat(stock(tv)).isEqualTo(18);
        assertThat(stock(mask)).isEqualTo(19);

        JsonNode mine = awaitMyPage(id, o -> o.get("timeline").size() == 4);
        assertThat(mine.get("timeline")).extracting(step -> step.get("status").asString())
                .containsExactly("PENDING", "CONFIRMED", "SHIPPED", "DELIVERED");
        assertThat(mine.get("mileage").asLong()).isEqualTo(4_000);
        assertThat(mileageEntries(id)).containsExactly("EARNED 4000");
        JsonNode delivery = json(shopper.get(SHOP + "/api/deliveries?orderId=" + id, Map.of("Accept", "application/json"))).get("items").get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.at("/destination/recipient").asString()).isEqualTo("Kim Shopper");

        // one trace from the click to the doorstep: each Kafka hop a producer and a consumer span
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> spans = spans(traceId);
            assertThat(spans).contains("gateway SERVER", "orders SERVER", "products SERVER",
                    "orders PRODUCER", "products CONSUMER", "products PRODUCER", "orders CONSUMER",
                    "delivery CONSUMER", "delivery PRODUCER", "mypage CONSUMER");
        });
    }

    /** The trace's spans in Zipkin as "service KIND". */
    private static List<String> spans(String traceId) throws Exception {
        HttpResponse<String> trace = http.send(HttpRequest.newBuilder(URI.create(ShopStackIT.ZIPKIN + "/api/v2/trace/" + traceId))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> spans = new ArrayList<>();
        if (trace.statusCode() == 200) {
            JSON.readTree(trace.body()).forEach(span -> spans.add(span.at("/localEndpoint/serviceName").asString() + " "
                    + (span.has("kind") ? span.get("kind").asString() : "LOCAL")));
        }
        return spans;
    }

    @Test
    @Order(2)
    void shouldCancelBeforeShippingOnceAndRefuseAfterShipping() {
        long clock = createProduct("SAGA CLOCK", 50_000, 5);
        String id = place(lines(clock, 2)).get("id").asString();
        awaitOrder(id, "CONFIRMED");
        assertThat(stock(clock)).isEqualTo(3);

        Page cancelled = cancel(id);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancel(id).status()).as("cancelling again is a no-op").isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> stock(clock) == 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(
                json(shopper.get(SHOP + "/api/deliveries?orderId=" + id, Map.of("Accept", "application/json"))).at("/items/0/status").asString()));
        awaitMyPage(id, o -> o.get("status").asString().equals("CANCELLED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mileageEntries(id).size() == 2);
        assertThat(mileageEntries(id)).containsExactlyInAnyOrder("EARNED 10000", "REVERSED -10000");
        assertThat(stock(clock)).isEqualTo(5);

        String shipped = place(lines(clock, 1)).get("id").asString();
        awaitOrder(shipped, "SHIPPED");
        Page refused = cancel(shipped);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @Order(3)
    void shouldEndAnOrderWhoseDeliveryFailedGiveItsStockBackAndTakeItsMileageBackOnce() {
        long vase = createProduct("SAGA VASE", 30_000, 4);
        String id = place(lines(vase, 2)).get("id").asString();
        awaitOrder(id, "CONFIRMED");
        // the courier picks it up after 12 s (Shop's DELIVERY_PICKUP_DELAY) and delivers 3 s later: an operator
        // fails it before that, READY or SHIPPING alike
        String delivery = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> json(
                shopper.get(SHOP + "/api/deliveries?orderId=" + id, Map.of("Accept", "application/json"))).at("/items/0/id").asString(),
                found -> !found.isEmpty());

        Page failed = failDelivery(delivery, "The parcel was lost in transit");
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(failDelivery(delivery, "Lost again").status()).as("a delivery fails once").isEqualTo(409);

        awaitOrder(id, "DELIVERY_FAILED");
        JsonNode order = json(shopper.get(SHOP + "/api/orders/" + id, Map.of("Accept", "application/json")));
        assertThat(order.get("cancellable").asBoolean()).isFalse();
        assertThat(lastStep(order).get("status").asString()).isEqualTo("DELIVERY_FAILED");
        assertThat(lastStep(order).get("reason").asString()).isEqualTo("The parcel was lost in transit");
        assertThat(cancel(id).status()).as("nothing left to cancel").isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> stock(vase) == 4);
        JsonNode mine = awaitMyPage(id, o -> o.get("status").asString().equals("DELIVERY_FAILED"));
        assertThat(lastStep(mine).get("reason").asString()).isEqualTo("The parcel was lost in transit");
        await().atMost(Duration.ofSeconds(30)).until(() -> mileageEntries(id).size() == 2);
        assertThat(mileageEntries(id)).containsExactlyInAnyOrder("EARNED 6000", "REVERSED -6000");
        assertThat(stock(vase)).as("given back once").isEqualTo(4);
    }

    private static JsonNode lastStep(JsonNode order) {
        return order.get("timeline").get(order.get("timeline").size() - 1);
    }

    private static Page failDelivery(String deliveryId, String reason) {
        return new TestBrowser().send("POST", SHOP + "/api/admin/deliveries/" + deliveryId + "/fail",
                Map.of("Authorization", "Bearer " + adminToken, "Content-Type", "application/json", "Accept", "application/json"),
                "{\"reason\": \"" + reason + "\"}");
    }

    @Test
    @Order(3)
    void shouldRejectAnOrderThatLacksStockAndLeaveTheStockAlone() {
        long lamp = createProduct("SAGA LAMP", 30_000, 1);
        String id = place(lines(lamp, 2)).get("id").asString();

        awaitOrder(id, "REJECTED");
        assertThat(stock(lamp)).isEqualTo(1);
        awaitMyPage(id, o -> o.get("status").asString().equals("REJECTED"));
        assertThat(mileageEntries(id)).isEmpty();
    }

    @Test
    @Order(3)
    void shouldNameTheRequestsTraceInTheProblemDetailsOfAServiceAndOfTheGateway() throws Exception {
        // orders' 404 for an order nobody placed; the gateway's own 404 for a path it has nothing for
        for (String path : List.of("/api/orders/" + UUID.randomUUID(), "/api/no-such-resource")) {
            String traceId = UUID.randomUUID().toString().replace("-", "");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(SHOP + path))
                    .header("Authorization", "Bearer " + shopperToken)
                    .header("traceparent", "00-" + traceId + "-" + traceId.substring(0, 16) + "-01")
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(answer.body()).path("traceId").asString()).as(answer.body()).isEqualTo(traceId);
        }
    }

    @Test
    @Order(4)
    void shouldConfirmExactlyAsManyOfFiftyConcurrentOrdersAsThereIsStock() {
        long hot = createProduct("SAGA HOT DEAL", 9_900, 10);
        List<CompletableFuture<HttpResponse<String>>> placing = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            placing.add(placeRetrying(lines(hot, 1), "saga-it-hot-" + UUID.randomUUID(), 5));
        }
        List<String> ids = placing.stream().map(CompletableFuture::join).map(response -> {
            assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
            return JSON.readTree(response.body()).get("id").asString();
        }).toList();
        assertThat(ids).doesNotHaveDuplicates();

        // 50 sagas keep two cores busy: a read meanwhile may meet the gateway's timeout, as any client's would
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> ids.stream().map(this::status).noneMatch("PENDING"::equals));
        assertThat(ordersContaining(hot)).as("retries placed no second order").isEqualTo(50);
        List<String> outcomes = ids.stream().map(this::status).toList();
        assertThat(outcomes.stream().filter(s -> !s.equals("REJECTED"))).hasSize(10);
        assertThat(outcomes.stream().filter("REJECTED"::equals)).hasSize(40);
        assertThat(stock(hot)).isZero();
    }

    @Test
    @Order(5)
    void shouldFinishTheSagaAfterProductsWasDownWhileTheOrderWasPlaced() {
        long notebook = createProduct("SAGA NOTEBOOK", 30_000, 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> placeable(notebook)); // the replica knows it
        ShopStack.shop.run("stop", "products");
        try {
            long started = System.nanoTime();
            Page placed = shopper.send("POST", SHOP + "/api/orders", sessionHeaders(), lines(notebook, 1));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            JsonNode order = JSON.readTree(placed.body());
            assertThat(order.at("/items/0/unitPrice").asLong()).as("priced from the replica").isEqualTo(30_000);
            String id = order.get("id").asString();
            assertThat(status(id)).isEqualTo("PENDING");

            ShopStack.shop.run("start", "products");
            awaitOrder(id, "CONFIRMED");
            awaitReachable(notebook);
            assertThat(stock(notebook)).isEqualTo(3);
        }
        finally {
            ShopStack.shop.run("start", "products");
            awaitReachable(notebook);
        }
    }

    /** The gateway finds a restarted service at its next registry fetch and load-balancer refresh (seconds). */
    private static void awaitReachable(long productId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> new TestBrowser()
                .get(SHOP + "/api/products/" + productId, Map.of("Accept", "application/json")).status() == 200);
    }

    /**
     * A client as it should be written: one Idempotency-Key per order, retried after a 503 (on two
     * busy cores a burst of 50 can outlast the gateway's 3 s limit while orders still completes it).
     */
    private static CompletableFuture<HttpResponse<String>> placeRetrying(String body, String idempotencyKey, int attempts) {
        return placeRetrying(body, idempotencyKey, attempts, null);
    }

    private static CompletableFuture<HttpResponse<String>> placeRetrying(String body, String idempotencyKey, int attempts,
            String traceparent) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(SHOP + "/api/orders")).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + shopperToken).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey);
        if (traceparent != null) {
            builder.header("traceparent", traceparent);
        }
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() != 503 || attempts <= 1) {
                return CompletableFuture.completedFuture(response);
            }
            // as a well-behaved client: wait as long as the gateway's Retry-After says (an open breaker)
            long waitMillis = response.headers().firstValue("Retry-After").map(seconds -> Long.parseLong(seconds) * 1000).orElse(500L);
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(waitMillis, TimeUnit.MILLISECONDS))
                    .thenCompose(retry -> placeRetrying(body, idempotencyKey, attempts - 1, traceparent));
        });
    }

    private long ordersContaining(long productId) {
        JsonNode mine = json(shopper.get(SHOP + "/api/orders?size=100", Map.of("Accept", "application/json")));
        long count = 0;
        for (JsonNode order : mine.get("items")) {
            if (order.at("/items/0/productId").asLong() == productId) {
                count++;
            }
        }
        return count;
    }

    private long createProduct(String name, long price, int stock) {
        return Catalogue.create(adminToken, name, price, stock, "SagaIT").id();
    }

    /** True once an order of the product goes through (orders' replica has heard of it); the test order is cancelled. */
    private boolean placeable(long productId) {
        Page placed = shopper.send("POST", SHOP + "/api/orders", sessionHeaders(), lines(productId, 1));
        if (placed.status() == 201) {
            String id = JSON.readTree(placed.body()).get("id").asString();
            awaitOrder(id, "CONFIRMED");
            cancel(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> stock(productId) == 4);
            return true;
        }
        return false;
    }

    private JsonNode place(String body) {
        return place(body, null);
    }

    private JsonNode place(String body, String traceparent) {
        Map<String, String> headers = new HashMap<>(sessionHeaders());
        if (traceparent != null) {
            headers.put("traceparent", traceparent);
        }
        // retried on 503 as a careful client does, with one key: orders may not yet see products again after
        // ShopStackIT restarted it (a product created just now is in no replica to price it from)
        headers.put("Idempotency-Key", "saga-it-" + UUID.randomUUID());
        Page placed = shopper.send("POST", SHOP + "/api/orders", headers, body);
        for (int attempt = 1; placed.status() == 503 && attempt < 15; attempt++) {
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            placed = shopper.send("POST", SHOP + "/api/orders", headers, body);
        }
        // 200: an attempt answered 503 by the gateway had placed it after all, and the key answered that order
        assertThat(placed.status()).as(placed.body()).isIn(200, 201);
        return JSON.readTree(placed.body());
    }

    private Page cancel(String id) {
        return shopper.send("POST", SHOP + "/api/orders/" + id + "/cancel", sessionHeaders(), null);
    }

    private static Map<String, String> sessionHeaders() {
        return Map.of("Content-Type", "application/json", "Accept", "application/json",
                "X-XSRF-TOKEN", shopper.cookie(SHOP, "XSRF-TOKEN"));
    }

    private void awaitOrder(String id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> status(id), status::equals);
    }

    private String status(String id) {
        return json(shopper.get(SHOP + "/api/orders/" + id, Map.of("Accept", "application/json"))).get("status").asString();
    }

    private JsonNode awaitMyPage(String id, Predicate<JsonNode> ready) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            for (JsonNode order : json(shopper.get(SHOP + "/api/mypage/orders?size=100", Map.of("Accept", "application/json"))).get("items")) {
                if (order.get("orderId").asString().equals(id)) {
                    return order;
                }
            }
            return null;
        }, order -> order != null && ready.test(order));
    }

    private List<String> mileageEntries(String orderId) {
        List<String> entries = new ArrayList<>();
        json(shopper.get(SHOP + "/api/mypage/mileage?limit=500", Map.of("Accept", "application/json"))).get("history").forEach(entry -> {
            if (entry.get("orderId").asString().equals(orderId)) {
                entries.add(entry.get("kind").asString() + " " + entry.get("amount").asLong());
            }
        });
        return entries;
    }

    private int stock(long productId) {
        return json(new TestBrowser().get(SHOP + "/api/products/" + productId, Map.of("Accept", "application/json")))
                .get("stock").asInt();
    }

    private static String lines(long productId, int quantity) {
        return """
                {"lines": [{"productId": %d, "quantity": %d}], "shippingAddress": %s}""".formatted(productId, quantity, ADDRESS);
    }

    private static String lines(long first, int firstQuantity, long second, int secondQuantity) {
        return """
                {"lines": [{"productId": %d, "quantity": %d}, {"productId": %d, "quantity": %d}], "shippingAddress": %s}"""
                .formatted(first, firstQuantity, second, secondQuantity, ADDRESS);
    }

    private static JsonNode json(Page page) {
        return Logins.json(page);
    }
}
