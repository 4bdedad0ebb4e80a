package com.twelvestreet.systemtests;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.twelvestreet.platform.test.TestBrowser;
import com.twelvestreet.platform.test.TestBrowser.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in through the gateway as a browser does, calling services with the relayed token,
 * logging out, and getting a token for the command line with the device flow.
 */
@ExtendWith(ShopStack.class)
class IdentityIT {

    static final String SHOP = "http://localhost:8080";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldLogInThroughTheGatewayCallServicesWithTheRelayedTokenAndLogOut() {
        TestBrowser browser = new TestBrowser();
        assertThat(browser.get(SHOP + "/api/session").status()).isEqualTo(401);

        Page toIssuer = browser.get(SHOP + "/oauth2/authorization/twelvestreet");
        assertThat(toIssuer.location()).startsWith(Logins.ISSUER + "/oauth2/authorize?").contains("code_challenge=");
        Page loginPage = browser.follow(toIssuer, null);
        assertThat(loginPage.uri().toString()).isEqualTo(Logins.ISSUER + "/login");

        Page loggedIn = browser.follow(browser.postForm(Logins.ISSUER + "/login", Map.of("username", "shopper@12street.dev",
                "password", "shopper-pass-12", "_csrf", loginPage.csrfToken())), null);
        assertThat(loggedIn.uri().toString()).startsWith(SHOP);
        assertThat(browser.cookie(SHOP, "SHOP_SESSION")).isNotNull();
        assertThat(loggedIn.response().headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("SHOP_SESSION=")).allMatch(cookie -> cookie.contains("HttpOnly"));

        JsonNode session = json(browser.get(SHOP + "/api/session", Map.of("Accept", "application/json")));
        assertThat(session.get("email").asString()).isEqualTo("shopper@12street.dev");
        assertThat(session.get("roles").toString()).isEqualTo("[\"CUSTOMER\"]");

        // the gateway relays the shopper's token: oauth answers with the shopper's own profile
        JsonNode profile = json(browser.get(SHOP + "/api/accounts/me", Map.of("Accept", "application/json")));
        assertThat(profile.get("email").asString()).isEqualTo("shopper@12street.dev");
        assertThat(profile.has("passwordHash")).isFalse();

        // ...and products sees a customer, not an admin
        String xsrf = browser.cookie(SHOP, "XSRF-TOKEN");
        Page notAdmin = browser.send("POST", SHOP + "/api/products", Map.of("Content-Type", "application/json",
                "X-XSRF-TOKEN", xsrf), "{\"name\":\"LAMP\",\"price\":1000,\"stock\":1}");
        assertThat(notAdmin.status()).isEqualTo(403);

        Page loggedOut = browser.send("POST", SHOP + "/logout", Map.of("X-XSRF-TOKEN", browser.cookie(SHOP, "XSRF-TOKEN")), null);
        assertThat(loggedOut.location()).startsWith(Logins.ISSUER + "/connect/logout?");
        // the logout redirect carries the ID token (browser history, access logs): it opens no API anywhere
        String idToken = "Bearer " + TestBrowser.query(loggedOut.location()).get("id_token_hint");
        for (String api : new String[] { SHOP + "/api/orders", "http://127.0.0.1:" + ServiceModules.port("orders") + "/api/orders",
                "http://127.0.0.1:" + ServiceModules.port("mypage") + "/api/mypage/orders" }) {
            assertThat(new TestBrowser().get(api, Map.of("Authorization", idToken)).status()).as(api).isEqualTo(401);
        }
        assertThat(browser.follow(loggedOut, null).uri().toString()).isEqualTo(SHOP + "/");

        assertThat(browser.get(SHOP + "/api/session").status()).isEqualTo(401);
        // the login at the issuer ended too: logging in again asks for the password
        Page again = browser.follow(browser.get(SHOP + "/oauth2/authorization/twelvestreet"), null);
        assertThat(again.uri().toString()).isEqualTo(Logins.ISSUER + "/login");
    }

    @Test
    void shouldGiveTheCommandLineATokenThroughTheDeviceFlowThatTheGatewayAccepts() {
        TestBrowser terminal = new TestBrowser();
        String bearer = "Bearer " + Logins.deviceToken(Logins.ADMIN, Logins.ADMIN_PASSWORD);

        JsonNode session = json(terminal.get(SHOP + "/api/session", Map.of("Authorization", bearer)));
        assertThat(session.get("roles").toString()).isEqualTo("[\"ADMIN\",\"CUSTOMER\"]");
        Page created = terminal.send("POST", SHOP + "/api/products", Map.of("Authorization", bearer,
                "Content-Type", "application/json"), "{\"name\":\"DEVICE LAMP\",\"price\":15000,\"stock\":3}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Page deleted = terminal.send("DELETE", SHOP + "/api/products/" + JSON.readTree(created.body()).get("id").asLong(),
                Map.of("Authorization", bearer), null);
        assertThat(deleted.status()).isEqualTo(204);
    }

    private static JsonNode json(Page page) {
        return Logins.json(page);
    }
}
