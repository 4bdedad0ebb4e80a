package com.twelvestreet.systemtests.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The shop's HTTP API as the benchmarks use it: tokens by the device flow, a product to order, requests. */
public final class ShopClient {

    static final String SHOP = "http://127.0.0.1:8080";
    private static final String ISSUER = "http://localhost:8080/auth";
    private static final String ADDRESS =
            "{\"recipient\":\"Bench Kim\",\"postalCode\":\"04524\",\"addressLine\":\"12 Sejong-daero\"}";

    private ShopClient() {
    }

    /** The body of an order for one unit of a product, to the benchmarks' address. */
    public static String oneUnitOrder(long product) {
        return "{\"lines\":[{\"productId\":" + product + ",\"quantity\":1}],\"shippingAddress\":" + ADDRESS + "}";
    }

    /** A product with ample stock, created with an admin's token; its id. */
    static long createProduct(String admin, String createdBy) {
        return createProduct(admin, createdBy, 1_000_000, 1_000);
    }

    /** A product with this stock and price, created with an admin's token; its id. */
    public static long createProduct(String admin, String createdBy, int stock, long price) {
        HttpResponse<String> created = send(client(), post("/api/products", admin,
                "{\"name\":\"BENCH ITEM " + System.currentTimeMillis() % 100_000 + "\",\"description\":\"created by "
                        + createdBy + "\",\"price\":" + price + ",\"stock\":" + stock + "}"));
        if (created == null || created.statusCode() != 201) {
            throw new IllegalStateException("could not create the benchmark product: "
                    + (created == null ? "no answer" : created.statusCode() + " " + created.body()));
        }
        return Long.parseLong(field(created.body(), "id"));
    }

    /** The device flow as a terminal and a browser do it: code, log in, approve, exchange. */
    public static String deviceToken(String email, String password) {
        return deviceGrant(email, password).accessToken();
    }

    /** An access token and how long it is valid, as the token endpoint answers them. */
    record AccessToken(String accessToken, Duration validFor) {
    }

    static AccessToken deviceGrant(String email, String password) {
        HttpClient terminal = client();
        String device = send(terminal, form(ISSUER + "/oauth2/device_authorization",
                Map.of("client_id", "shop-cli", "scope", "profile"))).body();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String loginPage = send(browser, HttpRequest.newBuilder(URI.create(field(device, "verification_uri_complete")))
                .GET().build()).body();
        send(browser, form(ISSUER + "/login", Map.of("username", email, "password", password,
                "_csrf", hidden(loginPage, "_csrf"))));
        String consent = send(browser, HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/device_verification?user_code="
                + field(device, "user_code"))).GET().build()).body();
        send(browser, form(ISSUER + "/oauth2/device_verification", Map.of("client_id", "shop-cli",
                "state", hidden(consent, "state"), "user_code", hidden(consent, "user_code"), "scope", "profile")));
        String tokens = send(terminal, form(ISSUER + "/oauth2/token", Map.of("client_id", "shop-cli",
                "grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", field(device, "device_code")))).body();
        return new AccessToken(field(tokens, "access_token"), Duration.ofSeconds(Long.parseLong(field(tokens, "expires_in"))));
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    public static HttpRequest post(String path, String token, String json) {
        return postBuilder(path, token, json).build();
    }

    /** An order placement as a careful client sends it: with a key of its own, so a retry cannot order twice. */
    public static HttpRequest placement(String token, String order, String idempotencyKey) {
        return postBuilder("/api/orders", token, order).header("Idempotency-Key", idempotencyKey).build();
    }

    private static HttpRequest.Builder postBuilder(String path, String token, String json) {
        return HttpRequest.newBuilder(URI.create(SHOP + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    public static HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create(SHOP + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
    }

    static HttpRequest form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
        catch (Exception ex) {
            return null;
        }
    }

    /** A top-level string or number field of a JSON object (enough for these answers; no JSON library here). */
    public static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("no hidden field " + name);
        }
        return matcher.group(1);
    }
}
