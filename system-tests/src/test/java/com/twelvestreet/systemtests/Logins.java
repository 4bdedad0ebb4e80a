package com.twelvestreet.systemtests;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.twelvestreet.platform.test.TestBrowser;
import com.twelvestreet.platform.test.TestBrowser.Page;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs the demo accounts in as a shopper does: in a browser through the gateway, or from a terminal by the device flow. */
final class Logins {

    static final String SHOP = "http://localhost:8080";
    static final String ISSUER = "http://localhost:8080/auth";
    static final String SHOPPER = "shopper@12street.dev";
    static final String SHOPPER_PASSWORD = "shopper-pass-12";
    static final String ADMIN = "admin@12street.dev";
    static final String ADMIN_PASSWORD = "admin-pass-12";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Logins() {
    }

    /** A browser with a gateway session (SHOP_SESSION), logged in by the authorization-code flow. */
    static TestBrowser browser(String email, String password) {
        return browser(SHOP, email, password);
    }

    /** The same against the shop at {@code shop}, its authorization server at {@code shop/auth}. */
    static TestBrowser browser(String shop, String email, String password) {
        String issuer = shop + "/auth";
        TestBrowser browser = new TestBrowser();
        Page loginPage = browser.follow(browser.get(shop + "/oauth2/authorization/twelvestreet"), null);
        assertThat(loginPage.uri().toString()).isEqualTo(issuer + "/login");
        Page loggedIn = browser.follow(browser.postForm(issuer + "/login", Map.of("username", email,
                "password", password, "_csrf", loginPage.csrfToken())), null);
        assertThat(loggedIn.uri().toString()).startsWith(shop);
        return browser;
    }

    /** An access token for the command-line client, approved in a browser by the account's owner. */
    static String deviceToken(String email, String password) {
        return deviceToken(SHOP, email, password);
    }

    static String deviceToken(String shop, String email, String password) {
        String issuer = shop + "/auth";
        TestBrowser terminal = new TestBrowser();
        JsonNode device = json(terminal.send("POST", issuer + "/oauth2/device_authorization",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "client_id=shop-cli&scope=profile"));

        TestBrowser browser = new TestBrowser();
        Page loginPage = browser.follow(browser.get(device.get("verification_uri_complete").asString()), null);
        Page activate = browser.follow(browser.postForm(issuer + "/login", Map.of("username", email,
                "password", password, "_csrf", loginPage.csrfToken())), null);
        assertThat(activate.status()).isEqualTo(200);
        Page consent = browser.get(issuer + "/oauth2/device_verification?user_code=" + device.get("user_code").asString());
        Page approved = browser.postForm(issuer + "/oauth2/device_verification", Map.of("client_id", "shop-cli",
                "state", hidden(consent.body(), "state"), "user_code", hidden(consent.body(), "user_code"),
                "scope", "profile"));
        assertThat(approved.location()).isEqualTo(issuer + "/activated");

        JsonNode tokens = json(terminal.send("POST", issuer + "/oauth2/token",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), TestBrowser.encode(Map.of(
                        "client_id", "shop-cli", "grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                        "device_code", device.get("device_code").asString()))));
        return tokens.get("access_token").asString();
    }

    static JsonNode json(Page page) {
        assertThat(page.status()).as(page.uri() + " " + page.body()).isEqualTo(200);
        return JSON.readTree(page.body());
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("hidden field " + name).isTrue();
        return matcher.group(1);
    }
}
