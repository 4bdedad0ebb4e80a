package com.twelvestreet.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.twelvestreet.platform.test.KafkaTestClients;
import com.twelvestreet.platform.test.TestBrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The browser shop in a real headless Chromium against the stack as {@code ./shop up} runs it,
 * through the gateway, with the demo accounts. Screenshots of each step: target/e2e-screenshots/.
 */
@ExtendWith(ShopStack.class)
@EnabledIf(value = "com.twelvestreet.systemtests.ShopBrowser#available",
        disabledReason = "needs Debian's Chromium and chromedriver (/usr/bin/chromium, /usr/bin/chromedriver): "
                + "apt-get install chromium chromium-driver — .ci/run installs them")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserShopIT {

    static final By GRID = By.cssSelector("[data-test=product-grid]");
    static final By CART_COUNT = By.cssSelector("[data-test=cart-link] .count");
    static final By ADD_TO_CART = By.cssSelector("[data-test=add-to-cart]");
    static final By PLACE_ORDER = By.cssSelector("[data-test=place-order]");
    static final By MILEAGE_HISTORY = By.cssSelector("[data-test=mileage-history]");
    static final Duration SAGA = Duration.ofSeconds(90);

    ShopBrowser shopper;
    Catalogue.Product kettle;
    Catalogue.Product mug;
    String deliveredOrder;
    String cancelledOrder;
    String adminToken;

    @BeforeAll
    void catalogueAndBrowser() {
        adminToken = Logins.deviceToken(Logins.ADMIN, Logins.ADMIN_PASSWORD);
        kettle = Catalogue.create(adminToken, "E2E KETTLE", 25_000, 20, "BrowserShopIT");
        mug = Catalogue.create(adminToken, "E2E MUG", 8_000, 20, "BrowserShopIT");
        shopper = new ShopBrowser();
    }

    @AfterAll
    void closeBrowser() {
        shopper.close();
    }

    @Test
    @Order(1)
    void shouldTakeAShopperFromTheCartToADeliveredOrderAndReverseTheMileageOfACancelledOne() {
        shopper.open("/");
        shopper.waitFor(GRID);
        shopper.screenshot("home");

        shopper.type(By.id("search"), kettle.name() + Keys.ENTER);
        shopper.click(cardLink(kettle.name()));
        shopper.waitForText(By.tagName("h1"), kettle.name(), Duration.ofSeconds(20));
        shopper.type(By.id("quantity"), "2");
        shopper.click(ADD_TO_CART);
        shopper.waitFor(By.cssSelector("[role=status]"));
        shopper.screenshot("product");
        addToCart(mug);
        assertThat(shopper.text(CART_COUNT)).isEqualTo("3");

        shopper.open("/cart");
        assertThat(shopper.text(By.cssSelector("[data-test=cart-total]"))).isEqualTo("₩58,000");
        shopper.screenshot("cart");
        shopper.click(By.cssSelector("[data-test=checkout]"));
        shopper.logInOnTheLoginPage(Logins.SHOPPER, Logins.SHOPPER_PASSWORD);

        shopper.waitForPath("/checkout");
        shopper.waitFor(PLACE_ORDER);
        assertThat(shopper.text(By.cssSelector(".summary__lines"))).as("the cart survived the login")
                .contains("2 × " + kettle.name(), "1 × " + mug.name());
        deliveredOrder = placeOrder("order-placed");
        assertThat(shopper.text(By.cssSelector("[data-test=order-mileage]"))).isEqualTo("₩5,800");
        assertThat(shopper.text(CART_COUNT)).isEqualTo("0");

        shopper.click(By.linkText("Follow it in My Page"));
        shopper.waitForText(myOrderStatus(deliveredOrder), "Delivered", SAGA);
        assertThat(shopper.all(By.cssSelector("[data-order='" + deliveredOrder + "'] .timeline__step--done"))).hasSize(4);
        shopper.waitForText(MILEAGE_HISTORY, "Earned for order " + orderNumber(deliveredOrder), SAGA);
        shopper.screenshot("mypage-delivered");

        addToCart(mug);
        shopper.open("/checkout");
        cancelledOrder = placeOrder("second-order-placed");
        shopper.open("/mypage");
        shopper.waitForText(myOrderStatus(cancelledOrder), "Confirmed", SAGA);
        shopper.click(By.cssSelector("[data-order='" + cancelledOrder + "'] [data-test=cancel]"));
        new WebDriverWait(shopper.driver, Duration.ofSeconds(5)).until(d -> d.switchTo().alert()).accept();
        shopper.waitForText(myOrderStatus(cancelledOrder), "Cancelled", SAGA);
        shopper.waitForText(MILEAGE_HISTORY, "Reversed for order " + orderNumber(cancelledOrder), SAGA);
        assertThat(shopper.text(MILEAGE_HISTORY)).contains("-₩800");
        shopper.screenshot("mypage-cancelled");
    }

    @Test
    @Order(2)
    void shouldShowAnOrdersWholeSagaAsOneTraceInZipkin() {
        // the shopper's checkout started a trace at the gateway; every hop of its saga continued it
        List<String> services = List.of("gateway", "orders", "products", "delivery", "mypage");
        String traceId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (JsonNode trace : Logins.json(new TestBrowser().get(ShopStackIT.ZIPKIN
                    + "/api/v2/traces?serviceName=mypage&lookback=3600000&limit=100", Map.of("Accept", "application/json")))) {
                Set<String> seen = new HashSet<>();
                trace.forEach(span -> seen.add(span.at("/localEndpoint/serviceName").asString() + " " + span.path("name").asString()));
                // a placement (orders' server span for POST /api/orders) with every service's part in it
                if (seen.contains("orders http post /api/orders")
                        && services.stream().allMatch(service -> seen.stream().anyMatch(span -> span.startsWith(service + " ")))) {
                    return trace.get(0).get("traceId").asString();
                }
            }
            return null;
        }, Objects::nonNull);

        shopper.open(ShopStackIT.ZIPKIN + "/zipkin/traces/" + traceId);
        for (String service : services) {
            shopper.waitForText(By.tagName("body"), service, Duration.ofSeconds(20));
        }
        shopper.screenshot("zipkin-order-trace");
    }

    @Test
    @Order(2)
    void shouldTellTheShopperWhyADeliveryFailedAndTakeBackItsMileage() {
        addToCart(kettle);
        shopper.open("/checkout");
        String failedOrder = placeOrder("third-order-placed");
        // an operator reports the parcel lost before the courier (12 s after confirmation) would have delivered it
        String delivery = await().atMost(SAGA).pollInterval(Duration.ofMillis(200)).until(() -> Logins.json(new TestBrowser()
                .get(Logins.SHOP + "/api/deliveries?orderId=" + failedOrder, Map.of("Accept", "application/json",
                        "Authorization", "Bearer " + adminToken))).at("/items/0/id").asString(), found -> !found.isEmpty());
        TestBrowser.Page failed = new TestBrowser().send("POST", Logins.SHOP + "/api/admin/deliveries/" + delivery + "/fail",
                Map.of("Authorization", "Bearer " + adminToken, "Content-Type", "application/json"),
                "{\"reason\": \"The parcel was lost in transit\"}");
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);

        shopper.open("/mypage");
        shopper.waitForText(myOrderStatus(failedOrder), "Delivery failed", SAGA);
        assertThat(shopper.text(By.cssSelector("[data-order='" + failedOrder + "'] [data-test=timeline-reason]")))
                .isEqualTo("The parcel was lost in transit");
        assertThat(shopper.all(By.cssSelector("[data-order='" + failedOrder + "'] [data-test=cancel]"))).isEmpty();
        shopper.waitForText(MILEAGE_HISTORY, "Reversed for order " + orderNumber(failedOrder), SAGA);
        assertThat(shopper.text(MILEAGE_HISTORY)).contains("-₩2,500");
        shopper.screenshot("mypage-delivery-failed");
    }

    @Test
    @Order(2)
    void shouldShowTheSameOrdersComposedFromOrdersAndDeliveries() {
        shopper.open("/mypage/mashup");

        By delivered = By.cssSelector("[data-test=mashup-order][data-order='" + deliveredOrder + "'] [data-test=mashup-delivery]");
        By cancelled = By.cssSelector("[data-test=mashup-order][data-order='" + cancelledOrder + "'] [data-test=mashup-delivery]");
        shopper.waitForText(delivered, "Delivered", Duration.ofSeconds(20));
        shopper.waitForText(cancelled, "Cancelled", Duration.ofSeconds(20));
        assertThat(shopper.text(By.tagName("h1"))).contains("API composition");
        shopper.screenshot("mypage-mashup");
    }

    @Test
    @Order(3)
    void shouldLetAnAdminWatchTheSagaFailADeliveryAndReplayADeadLetter() throws Exception {
        // an order under way, and an event a consumer gave up on while (say) a bug was deployed
        TestBrowser.Page placed = new TestBrowser().send("POST", Logins.SHOP + "/api/orders", Map.of(
                "Authorization", "Bearer " + Logins.deviceToken(Logins.SHOPPER, Logins.SHOPPER_PASSWORD),
                "Content-Type", "application/json", "Accept", "application/json"), """
                {"lines": [{"productId": %d, "quantity": 1}],
                 "shippingAddress": {"recipient": "Kim", "postalCode": "04524", "addressLine": "12 Sejong-daero"}}"""
                .formatted(mug.id()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String order = JsonMapper.builder().build().readTree(placed.body()).get("id").asString();
        String deadLetterKey = "ops-" + UUID.randomUUID();
        UUID unknownOrder = UUID.randomUUID();
        try (Producer<String, String> producer = KafkaTestClients.producer("127.0.0.1:9092")) {
            ProducerRecord<String, String> deadLetter = new ProducerRecord<>("shop.orders.DLT", deadLetterKey, """
                    {"eventId": "%s", "eventType": "OrderCancelled", "version": 1, "occurredAt": "2026-12-01T01:00:00Z",
                     "aggregateId": "%s", "payload": {"orderId": "%s", "customerId": "nobody"}}"""
                    .formatted(UUID.randomUUID(), unknownOrder, unknownOrder));
            deadLetter.headers().add("kafka_dlt-exception-message", "Listener failed: a bug since fixed".getBytes(StandardCharsets.UTF_8));
            deadLetter.headers().add("kafka_dlt-original-consumer-group", "products".getBytes(StandardCharsets.UTF_8));
            producer.send(deadLetter).get();
        }

        try (ShopBrowser admin = new ShopBrowser()) {
            admin.open("/");
            admin.click(By.cssSelector("[data-test=login]"));
            admin.logInOnTheLoginPage(Logins.ADMIN, Logins.ADMIN_PASSWORD);
            admin.click(By.linkText("Operations"));
            admin.waitFor(By.cssSelector("[data-test=under-way-PENDING] dd"), Duration.ofSeconds(20));

            // the courier picks it up 12 s after confirmation and hands it over 3 s later: fail it while under way
            By delivery = By.cssSelector("[data-test=delivery][data-order='" + order + "']");
            admin.waitFor(delivery, SAGA);
            admin.click(By.cssSelector("[data-test=delivery][data-order='" + order + "'] [data-test=fail]"));
            Alert prompt = new WebDriverWait(admin.driver, Duration.ofSeconds(5)).until(d -> d.switchTo().alert());
            prompt.sendKeys("Address does not exist");
            prompt.accept();
            admin.waitForText(By.cssSelector("[data-test=operations-message]"), "its stock goes back", Duration.ofSeconds(20));

            By products = By.cssSelector("[data-test='dead-letters-products-shop.orders']");
            admin.waitForText(products, deadLetterKey, Duration.ofSeconds(20));
            assertThat(admin.text(products)).contains("given up by products", "Listener failed: a bug since fixed");
            admin.screenshot("operations");
            admin.click(By.cssSelector("[data-test='dead-letters-products-shop.orders'] [data-test=replay]"));
            admin.waitForText(By.cssSelector("[data-test=operations-message]"), "dead letter(s) sent back to shop.orders", Duration.ofSeconds(30));
            admin.waitForText(By.cssSelector("[data-test='dead-letters-products-shop.orders'] [data-test=waiting]"), "0", Duration.ofSeconds(20));
        }
        await().atMost(SAGA).until(() -> "DELIVERY_FAILED".equals(Logins.json(new TestBrowser().get(Logins.SHOP + "/api/orders/" + order,
                Map.of("Accept", "application/json", "Authorization", "Bearer " + adminToken))).get("status").asString()));
        assertThat(shopper.fetchStatus("GET", "/api/admin/services/products/events", null)).as("the service refuses a shopper")
                .isEqualTo(403);
        assertThat(shopper.fetchStatus("GET", "/api/admin/orders/summary", null)).isEqualTo(403);
    }

    @Test
    @Order(3)
    void shouldLetAnAdminCreateAProductThatShoppersThenSee() {
        String lamp = "E2E LAMP " + System.nanoTime() % 10_000;
        try (ShopBrowser admin = new ShopBrowser()) {
            admin.open("/");
            admin.click(By.cssSelector("[data-test=login]"));
            admin.logInOnTheLoginPage(Logins.ADMIN, Logins.ADMIN_PASSWORD);
            admin.click(By.linkText("Admin"));
            admin.type(By.id("name"), lamp);
            admin.type(By.id("description"), "A lamp made in the browser test");
            admin.type(By.id("price"), "45000");
            admin.type(By.id("stock"), "7");
            admin.click(By.cssSelector("[data-test=save-product]"));
            admin.waitForText(By.cssSelector("[role=status]"), lamp + " created.", Duration.ofSeconds(20));
            admin.screenshot("admin-product-created");
        }

        shopper.open("/?q=" + lamp.replace(' ', '+'));
        shopper.waitFor(cardLink(lamp));
        shopper.screenshot("home-with-new-product");
    }

    @Test
    @Order(4)
    void shouldKeepShoppersOutOfTheAdminPageAndTheServicesRefuseThemAnyway() {
        shopper.open("/admin/products");

        shopper.waitFor(By.cssSelector("[data-test=forbidden]"));
        assertThat(shopper.all(By.linkText("Admin"))).isEmpty();
        assertThat(shopper.fetchStatus("POST", "/api/products", """
                {"name": "SNEAKY", "description": "", "price": 1, "stock": 1}""")).isEqualTo(403);
        shopper.screenshot("admin-forbidden");
    }

    @Test
    @Order(5)
    void shouldShowTheUnavailableStateWhileProductsIsDownAndRecover() {
        ShopStack.shop.run("stop", "products");
        try {
            shopper.open("/");
            shopper.waitForText(By.cssSelector("[data-test=problem]"), "Service temporarily unavailable", Duration.ofSeconds(20));
            shopper.screenshot("products-down");
        }
        finally {
            ShopStack.shop.run("start", "products");
        }
        new WebDriverWait(shopper.driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(3)).until(d -> {
            if (d.findElements(GRID).isEmpty()) {
                d.findElements(By.cssSelector("[data-test=problem] button")).forEach(retry -> retry.click());
                return false;
            }
            return true;
        });
        shopper.screenshot("products-back");
    }

    @Test
    @Order(6)
    void shouldFitAPhoneScreen() {
        shopper.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : new String[] { "/", "/products/" + kettle.id(), "/mypage" }) {
                shopper.open(page);
                shopper.waitFor(By.tagName("h1"));
                assertThat(shopper.fitsTheWidth()).as(page + " scrolls sideways on a phone").isTrue();
            }
            shopper.screenshot("mypage-on-a-phone");
        }
        finally {
            shopper.driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    @Order(7)
    void shouldSignUpLogInAndLogOutThroughTheGateway() {
        String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@12street.dev";
        String password = "e2e-pass-1234";
        try (ShopBrowser newcomer = new ShopBrowser()) {
            newcomer.open("/");
            newcomer.click(By.linkText("Sign up"));
            newcomer.type(By.id("email"), email);
            newcomer.type(By.id("password"), password);
            newcomer.type(By.id("nickname"), "Newcomer");
            newcomer.type(By.id("postalCode"), "06236");
            newcomer.type(By.id("addressLine"), "1 Teheran-ro, Gangnam-gu, Seoul");
            newcomer.click(By.xpath("//button[normalize-space()='Create account']"));
            newcomer.waitForText(By.cssSelector(".done"), "Welcome to 12 Street, Newcomer", Duration.ofSeconds(20));

            newcomer.click(By.xpath("//main//button[normalize-space()='Log in']"));
            newcomer.logInOnTheLoginPage(email, password);
            newcomer.waitForText(By.cssSelector("[data-test=user]"), "Newcomer", Duration.ofSeconds(20));
            newcomer.screenshot("signed-up-and-logged-in");

            newcomer.click(By.xpath("//header//button[normalize-space()='Log out']"));
            newcomer.waitFor(By.cssSelector("[data-test=login]"), Duration.ofSeconds(30));
            assertThat(newcomer.fetchStatus("GET", "/api/session", null)).as("the gateway session has ended").isEqualTo(401);
        }
    }

    private void addToCart(Catalogue.Product product) {
        shopper.open("/products/" + product.id());
        shopper.click(ADD_TO_CART);
        shopper.waitFor(By.cssSelector("[role=status]"));
    }

    /** Fills the address, places the order and answers its id (from the order-finished page's address). */
    private String placeOrder(String screenshot) {
        shopper.type(By.id("recipient"), "Shopper Kim");
        shopper.type(By.id("postalCode"), "04524");
        shopper.type(By.id("addressLine"), "12 Sejong-daero, Jung-gu, Seoul");
        shopper.click(PLACE_ORDER);
        shopper.waitFor(By.cssSelector("[data-test=order-done]"));
        shopper.screenshot(screenshot);
        String url = shopper.driver.getCurrentUrl();
        return url.substring(url.indexOf("/orders/") + "/orders/".length(), url.indexOf("/done"));
    }

    private static By cardLink(String productName) {
        return By.xpath("//article[@data-test='product-card'][.//h3[normalize-space()='" + productName + "']]//a");
    }

    private static By myOrderStatus(String orderId) {
        return By.cssSelector("[data-test=my-order][data-order='" + orderId + "'] [data-test=my-order-status]");
    }

    private static String orderNumber(String orderId) {
        return orderId.substring(0, orderId.indexOf('-')).toUpperCase();
    }
}
