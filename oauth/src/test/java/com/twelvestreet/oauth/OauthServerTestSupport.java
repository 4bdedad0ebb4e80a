package com.twelvestreet.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.twelvestreet.oauth.account.Accounts;
import com.twelvestreet.oauth.account.Address;
import com.twelvestreet.oauth.account.SignUp;
import com.twelvestreet.platform.test.TestBrowser;
import com.twelvestreet.platform.test.TestPorts;
import com.twelvestreet.platform.test.TestPostgresConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oauth service on a real port and a real PostgreSQL. The port is fixed before start-up because
 * the issuer URL (and so every token's {@code iss}) contains it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(TestPostgresConfiguration.class)
@ActiveProfiles("test")
public abstract class OauthServerTestSupport {

    protected static final int PORT = TestPorts.free();
    protected static final String ISSUER = "http://localhost:" + PORT;
    protected static final String GATEWAY_SECRET = "test-gateway-secret";
    protected static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/twelvestreet";

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("twelvestreet.security.issuer-uri", () -> ISSUER);
        registry.add("GATEWAY_CLIENT_SECRET", () -> GATEWAY_SECRET);
        registry.add("twelvestreet.oauth.signing-key.location", () -> "target/test-data/oauth-signing-key.json");
    }

    @Autowired
    protected Accounts accounts;

    /** A fresh customer account; returns its email (the password is {@code password}). */
    protected String newCustomer(String password) {
        String email = "shopper-" + UUID.randomUUID() + "@12street.test";
        accounts.signUp(new SignUp(email, password, "Kim", new Address("04524", "12 Sejong-daero")));
        return email;
    }

    /** Logs in through the login page, as a browser does. */
    protected static TestBrowser.Page logIn(TestBrowser browser, String email, String password) {
        TestBrowser.Page login = browser.get(ISSUER + "/login");
        assertThat(login.status()).isEqualTo(200);
        return browser.postForm(ISSUER + "/login",
                Map.of("username", email, "password", password, "_csrf", login.csrfToken()));
    }

    protected static String codeChallenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    protected static String basicAuth(String client, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
