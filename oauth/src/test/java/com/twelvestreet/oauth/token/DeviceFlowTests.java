package com.twelvestreet.oauth.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.twelvestreet.oauth.OauthServerTestSupport;
import com.twelvestreet.platform.test.TestBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/** A terminal gets a token through the device authorization grant, approved in a browser. */
class DeviceFlowTests extends OauthServerTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldIssueATokenToTheCommandLineOnceTheUserEntersTheCode() throws Exception {
        String email = newCustomer("device-password-1");
        HttpResponse<String> authorization = post("/oauth2/device_authorization",
                Map.of("client_id", "shop-cli", "scope", "profile email"));
        assertThat(authorization.statusCode()).as(authorization.body()).isEqualTo(200);
        JsonNode device = JSON.readTree(authorization.body());
        assertThat(device.get("verification_uri").asString()).isEqualTo(ISSUER + "/activate");
        String deviceCode = device.get("device_code").asString();

        HttpResponse<String> pending = post("/oauth2/token", Map.of("client_id", "shop-cli",
                "grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code", deviceCode));
        assertThat(pending.statusCode()).isEqualTo(400);
        assertThat(pending.body()).contains("authorization_pending");

        TestBrowser browser = new TestBrowser();
        TestBrowser.Page activate = browser.get(device.get("verification_uri_complete").asString());
        assertThat(activate.location()).isEqualTo(ISSUER + "/login");
        TestBrowser.Page activatePage = browser.follow(logIn(browser, email, "device-password-1"), null);
        assertThat(activatePage.body()).contains(device.get("user_code").asString());

        // opening the verification link alone approves nothing: it shows a consent page
        TestBrowser.Page consent = browser.get(ISSUER + "/oauth2/device_verification?user_code="
                + device.get("user_code").asString());
        assertThat(consent.status()).isEqualTo(200);
        assertThat(post("/oauth2/token", Map.of("client_id", "shop-cli",
                "grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code", deviceCode)).body())
                .contains("authorization_pending");

        TestBrowser.Page approved = browser.postForm(ISSUER + "/oauth2/device_verification", Map.of(
                "client_id", "shop-cli", "state", hidden(consent.body(), "state"),
                "user_code", hidden(consent.body(), "user_code"), "scope", "profile"));
        assertThat(approved.location()).isEqualTo(ISSUER + "/activated");

        HttpResponse<String> granted = post("/oauth2/token", Map.of("client_id", "shop-cli",
                "grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code", deviceCode));

        // the consent is not remembered: the next activation is confirmed anew
        JsonNode second = JSON.readTree(post("/oauth2/device_authorization",
                Map.of("client_id", "shop-cli", "scope", "profile email")).body());
        TestBrowser.Page secondConsent = browser.get(ISSUER + "/oauth2/device_verification?user_code="
                + second.get("user_code").asString());
        assertThat(secondConsent.status()).isEqualTo(200);
        assertThat(secondConsent.body()).contains("name=\"state\"");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        SignedJWT access = SignedJWT.parse(JSON.readTree(granted.body()).get("access_token").asString());
        assertThat(access.getJWTClaimsSet().getStringClaim("email")).isEqualTo(email);
        assertThat(access.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER");
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("hidden field " + name + " in " + html).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ISSUER + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestBrowser.encode(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
