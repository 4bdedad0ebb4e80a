package com.twelvestreet.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One API reference at the shop's origin: every service's OpenAPI document through the gateway, each naming its
 * own paths and the shop's origin as its server, and the one Swagger UI that lists them all.
 */
@ExtendWith(ShopStack.class)
class ApiReferenceIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Each document and a path it must name. */
    static final Map<String, String> DOCUMENTS = Map.of(
            "products", "/api/products/{id}",
            "orders", "/api/orders/{id}/cancel",
            "delivery", "/api/admin/deliveries/{id}/fail",
            "mypage", "/api/mypage/mileage",
            "accounts", "/api/accounts/me",
            "gateway", "/api/session");

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldServeEveryServicesDocumentThroughTheGatewayListedInOneSwaggerUi() throws Exception {
        JsonNode config = JSON.readTree(get("/v3/api-docs/gateway/swagger-config").body());
        assertThat(config.get("urls")).extracting(url -> url.get("url").asString())
                .containsExactlyInAnyOrderElementsOf(DOCUMENTS.keySet().stream().map(name -> "/v3/api-docs/" + name).toList());

        for (Map.Entry<String, String> document : DOCUMENTS.entrySet()) {
            HttpResponse<String> response = get("/v3/api-docs/" + document.getKey());
            assertThat(response.statusCode()).as(document.getKey()).isEqualTo(200);
            JsonNode api = JSON.readTree(response.body());
            assertThat(api.at("/info/title").asString()).as(document.getKey()).startsWith("12 Street");
            assertThat(api.get("paths").has(document.getValue())).as(document.getKey() + " names " + document.getValue()).isTrue();
            assertThat(api.at("/servers/0/url").asString()).as("try it out through the gateway").isEqualTo("/");
        }

        HttpResponse<String> ui = get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(Logins.SHOP + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
