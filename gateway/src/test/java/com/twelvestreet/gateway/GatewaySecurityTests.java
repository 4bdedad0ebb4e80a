package com.twelvestreet.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.twelvestreet.platform.test.TestJwtIssuer;
import com.twelvestreet.platform.test.TestJwtIssuerConfiguration;
import com.twelvestreet.platform.test.TestRedisConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** Bearer tokens, the session endpoint, CSRF and security headers at the gateway. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false", "GATEWAY_CLIENT_SECRET=test-secret" })
@Import({ TestJwtIssuerConfiguration.class, TestRedisConfiguration.class })
class GatewaySecurityTests {

    @RegisterExtension
    static final StubService products = new StubService();

    @RegisterExtension
    static final StubService oauth = new StubService();

    @DynamicPropertySource
    static void serviceInstances(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.products[0].uri",
                () -> "http://127.0.0.1:" + products.port());
        registry.add("spring.cloud.discovery.client.simple.instances.oauth[0].uri",
                () -> "http://127.0.0.1:" + oauth.port());
    }

    @LocalServerPort
    int port;

    @Autowired
    TestJwtIssuer issuer;

    @MockitoSpyBean
    ReactiveRedisSessionRepository sessions;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldSayWhenNobodyIsLoggedIn() throws Exception {
        HttpResponse<String> session = send(request("/api/session").GET());

        assertThat(session.statusCode()).isEqualTo(401);
        assertThat(session.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(session.body()).contains("\"login\":\"/oauth2/authorization/twelvestreet\"");
    }

    @Test
    void shouldAcceptABearerTokenFromAnApiClient() throws Exception {
        String token = issuer.token("account-7", "CUSTOMER", "ADMIN");

        HttpResponse<String> session = send(request("/api/session").header("Authorization", "Bearer " + token).GET());

        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("\"subject\":\"account-7\"", "\"email\":\"account-7@12street.test\"",
                "\"roles\":[\"ADMIN\",\"CUSTOMER\"]");
    }

    @Test
    void shouldRefuseForgedOrExpiredBearerTokens() throws Exception {
        for (String token : new String[] { issuer.tokenWithWrongSignature("x", "ADMIN"), issuer.expiredToken("x", "ADMIN"),
                issuer.unsignedToken("x", "ADMIN") }) {
            HttpResponse<String> response = send(request("/api/products").header("Authorization", "Bearer " + token)
                    .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").GET());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"detail\":\"The bearer token is missing, expired, or not valid.\"",
                    "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"").doesNotContain(token);
        }
    }

    @Test
    void shouldRefuseAnIdTokenAsABearerToken() throws Exception {
        String idToken = issuer.idToken("account-8", "gateway", "CUSTOMER", "ADMIN");

        HttpResponse<String> session = send(request("/api/session").header("Authorization", "Bearer " + idToken).GET());
        HttpResponse<String> products = send(request("/api/products").header("Authorization", "Bearer " + idToken).GET());

        assertThat(session.statusCode()).isEqualTo(401);
        assertThat(products.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldPassTheApiClientsTokenToTheServiceWithoutAskingForCsrf() throws Exception {
        String token = issuer.token("admin-1", "ADMIN");

        HttpResponse<String> created = send(request("/api/products").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"LAMP\"}")));

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(products.lastRequest()).isEqualTo("POST /api/products");
        assertThat(products.lastAuthorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void shouldRequireTheCsrfTokenForUnsafeRequestsOnASession() throws Exception {
        HttpResponse<String> forged = send(request("/api/products").header("Cookie", "SHOP_SESSION=stolen-by-a-form")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void shouldStartTheLoginAtTheIssuerWithPkce() throws Exception {
        HttpResponse<String> login = send(request("/oauth2/authorization/twelvestreet").GET());

        assertThat(login.statusCode()).isEqualTo(302);
        String location = login.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(issuer.issuer() + "/oauth2/authorize?")
                .contains("client_id=gateway", "code_challenge=", "code_challenge_method=S256", "scope=openid");
    }

    @Test
    void shouldServeTheLoginPagesUnderAuthWithTheirPublicPrefix() throws Exception {
        HttpResponse<String> page = send(request("/auth/login?error").GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(oauth.lastRequest()).isEqualTo("GET /login?error");
        assertThat(oauth.lastHeader("X-Forwarded-Prefix")).isEqualTo("/auth");
        assertThat(oauth.lastHeader("X-Forwarded-Host")).startsWith("127.0.0.1:" + port);
    }

    @Test
    void shouldLeaveTheLoginFormsCsrfToTheIssuer() throws Exception {
        // the browser already has a shop session (it was sent to log in from the shop)
        HttpResponse<String> login = send(request("/auth/login").header("Cookie", "SHOP_SESSION=started-the-login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=a%40b.c&password=x&_csrf=issued-by-oauth")));

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(oauth.lastRequest()).isEqualTo("POST /login");
        assertThat(oauth.lastAuthorization()).isEqualTo("none");
    }

    @Test
    void shouldAddSecurityHeadersAndTheXsrfCookieToSessionRequestsOnly() throws Exception {
        HttpResponse<String> session = send(request("/api/products").header("Cookie", "SHOP_SESSION=a-browser-session").GET());
        HttpResponse<String> anonymous = send(request("/api/products").GET());
        HttpResponse<String> bearer = send(request("/api/products").header("Cookie", "SHOP_SESSION=a-browser-session")
                .header("Authorization", "Bearer " + issuer.token("customer-1", "CUSTOMER")).GET());

        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(session.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(session.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
        // nothing to protect without a session: no token made and no cookie written on every anonymous or API call
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
    }

    @Test
    void shouldLookForASessionOnlyWhereTheBrowserSentItsCookie() throws Exception {
        clearInvocations(sessions);
        HttpResponse<String> anonymous = send(request("/api/products").GET());
        HttpResponse<String> bearer = send(request("/api/products")
                .header("Authorization", "Bearer " + issuer.token("customer-2", "CUSTOMER")).GET());

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(bearer.statusCode()).isEqualTo(200);
        // a new session is made on two other threads (Spring Session), and the request then went on there
        verify(sessions, never()).createSession();
        verify(sessions, never()).findById(any());

        HttpResponse<String> browser = send(request("/api/products").header("Cookie", "SHOP_SESSION=a-browser-session").GET());

        assertThat(browser.statusCode()).isEqualTo(200);
        verify(sessions).findById("a-browser-session");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
