package com.twelvestreet.oauth.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.twelvestreet.oauth.OauthServerTestSupport;
import com.twelvestreet.platform.test.TestBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/** The authorization-code flow with PKCE as the gateway runs it, over real HTTP. */
class AuthorizationFlowTests extends OauthServerTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldPublishOidcDiscoveryAndOnlyPublicKeys() throws Exception {
        JsonNode discovery = getJson(ISSUER + "/.well-known/openid-configuration", null);
        assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.get("device_authorization_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/device_authorization");

        JsonNode key = getJson(ISSUER + "/oauth2/jwks", null).get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("d")).as("private exponent").isFalse();
        assertThat(key.has("p")).isFalse();
    }

    @Test
    void shouldIssueRs256TokensWithTheAccountIdEmailNicknameAndRoles() throws Exception {
        String email = newCustomer("secret-password-1");
        JsonNode tokens = authorizationCodeFlow(email, "secret-password-1");

        SignedJWT access = SignedJWT.parse(tokens.get("access_token").asString());
        assertThat(access.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(access.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(access.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
        UUID accountId = UUID.fromString(access.getJWTClaimsSet().getSubject());
        assertThat(access.getJWTClaimsSet().getStringClaim("email")).isEqualTo(email);
        assertThat(access.getJWTClaimsSet().getStringClaim("nickname")).isEqualTo("Kim");
        assertThat(access.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER");
        long lifetime = access.getJWTClaimsSet().getExpirationTime().getTime() - access.getJWTClaimsSet().getIssueTime().getTime();
        assertThat(lifetime).isEqualTo(15 * 60 * 1000L);

        SignedJWT id = SignedJWT.parse(tokens.get("id_token").asString());
        assertThat(id.getJWTClaimsSet().getSubject()).isEqualTo(accountId.toString());
        assertThat(id.getJWTClaimsSet().getAudience()).containsExactly("gateway");
        assertThat(id.getJWTClaimsSet().getStringClaim("email")).isEqualTo(email);
        assertThat(id.getJWTClaimsSet().getClaim("roles")).as("roles are for access tokens only").isNull();
        assertThat(tokens.get("refresh_token")).isNotNull();

        JsonNode me = getJson(ISSUER + "/api/accounts/me", tokens.get("access_token").asString());
        assertThat(me.get("id").asString()).isEqualTo(accountId.toString());
        assertThat(me.get("addressLine").asString()).isEqualTo("12 Sejong-daero");
    }

    @Test
    void shouldRefuseTheIdTokenAsABearerToken() throws Exception {
        String email = newCustomer("secret-password-5");
        JsonNode tokens = authorizationCodeFlow(email, "secret-password-5");
        String idToken = tokens.get("id_token").asString();

        for (String url : new String[] { ISSUER + "/api/accounts/me", ISSUER + "/userinfo" }) {
            HttpResponse<String> withIdToken = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + idToken).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withIdToken.statusCode()).as(url).isEqualTo(401);
        }
        assertThat(getJson(ISSUER + "/api/accounts/me", tokens.get("access_token").asString()).get("email").asString())
                .isEqualTo(email);
    }

    @Test
    void shouldRefreshTokensAndRefuseAReusedRefreshToken() throws Exception {
        String email = newCustomer("secret-password-2");
        String refresh = authorizationCodeFlow(email, "secret-password-2").get("refresh_token").asString();

        HttpResponse<String> refreshed = token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(refreshed.body()).get("refresh_token").asString()).isNotEqualTo(refresh);

        assertThat(token(Map.of("grant_type", "refresh_token", "refresh_token", refresh)).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldRequirePkceFromTheGateway() {
        TestBrowser browser = new TestBrowser();
        logIn(browser, newCustomer("secret-password-3"), "secret-password-3");

        TestBrowser.Page withoutPkce = browser.get(ISSUER + "/oauth2/authorize?" + TestBrowser.encode(Map.of(
                "response_type", "code", "client_id", "gateway", "scope", "openid", "redirect_uri", REDIRECT_URI,
                "state", "s1")));

        assertThat(withoutPkce.location()).startsWith(REDIRECT_URI).contains("error=invalid_request");
    }

    @Test
    void shouldLetTheOwnerUpdateTheProfile() throws Exception {
        String access = authorizationCodeFlow(newCustomer("secret-password-4"), "secret-password-4")
                .get("access_token").asString();

        HttpResponse<String> updated = http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/api/accounts/me"))
                .header("Authorization", "Bearer " + access).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"nickname": "Kim Jiwoo", "postalCode": "06236", "addressLine": "152 Teheran-ro"}
                        """)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).get("nickname").asString()).isEqualTo("Kim Jiwoo");
        assertThat(getJson(ISSUER + "/userinfo", access).get("sub").asString())
                .isEqualTo(JSON.readTree(updated.body()).get("id").asString());
    }

    private JsonNode authorizationCodeFlow(String email, String password) throws Exception {
        TestBrowser browser = new TestBrowser();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String authorize = ISSUER + "/oauth2/authorize?" + TestBrowser.encode(Map.of(
                "response_type", "code", "client_id", "gateway", "scope", "openid profile email",
                "redirect_uri", REDIRECT_URI, "state", "state-1",
                "code_challenge", codeChallenge(verifier), "code_challenge_method", "S256"));

        TestBrowser.Page toLogin = browser.get(authorize);
        assertThat(toLogin.location()).isEqualTo(ISSUER + "/login");
        TestBrowser.Page afterLogin = logIn(browser, email, password);
        TestBrowser.Page callback = browser.follow(afterLogin, REDIRECT_URI);
        assertThat(callback.location()).startsWith(REDIRECT_URI);
        Map<String, String> query = TestBrowser.query(callback.location());
        assertThat(query).containsEntry("state", "state-1").containsKey("code");

        HttpResponse<String> tokens = token(Map.of("grant_type", "authorization_code", "code", query.get("code"),
                "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body());
    }

    private HttpResponse<String> token(Map<String, String> form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("Authorization", basicAuth("gateway", GATEWAY_SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestBrowser.encode(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String url, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
