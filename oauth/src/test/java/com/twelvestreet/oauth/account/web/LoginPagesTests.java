package com.twelvestreet.oauth.account.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.twelvestreet.oauth.OauthServerTestSupport;
import com.twelvestreet.platform.test.TestBrowser;

import static org.assertj.core.api.Assertions.assertThat;

class LoginPagesTests extends OauthServerTestSupport {

    @Test
    void shouldSignUpThroughThePageAndThenLogIn() {
        TestBrowser browser = new TestBrowser();
        String email = "page-" + UUID.randomUUID() + "@12street.test";
        TestBrowser.Page form = browser.get(ISSUER + "/signup");

        TestBrowser.Page signedUp = browser.postForm(ISSUER + "/signup", Map.of("email", email,
                "password", "page-password-1", "nickname", "Han", "postalCode", "", "addressLine", "",
                "_csrf", form.csrfToken()));
        assertThat(signedUp.location()).isEqualTo(ISSUER + "/login?signedUp");

        TestBrowser.Page home = browser.follow(logIn(browser, email, "page-password-1"), null);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Hello, Han");
    }

    @Test
    void shouldKeepThePublicHostAndPrefixBehindTheGatewaysAuthRoute() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder behindTheGateway = HttpRequest.newBuilder().header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "shop.example.com").header("X-Forwarded-Prefix", "/auth");

        HttpResponse<String> protectedPage = http.send(behindTheGateway.copy().uri(URI.create(ISSUER + "/activate")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> loginPage = http.send(behindTheGateway.copy().uri(URI.create(ISSUER + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(protectedPage.headers().firstValue("Location")).hasValue("https://shop.example.com/auth/login");
        assertThat(loginPage.body()).contains("action=\"/auth/login\"", "href=\"/auth/signup\"", "href=\"/auth/css/auth.css\"");
    }

    @Test
    void shouldShowFieldErrorsOnTheSignUpPage() {
        TestBrowser browser = new TestBrowser();
        TestBrowser.Page form = browser.get(ISSUER + "/signup");

        TestBrowser.Page invalid = browser.postForm(ISSUER + "/signup", Map.of("email", "nope",
                "password", "short", "nickname", "", "_csrf", form.csrfToken()));

        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("must be a well-formed email address", "must have 10 to 64 characters");
    }

    @Test
    void shouldRefuseAFormPostWithoutTheCsrfToken() {
        TestBrowser browser = new TestBrowser();
        browser.get(ISSUER + "/login");

        TestBrowser.Page forged = browser.postForm(ISSUER + "/login",
                Map.of("username", "someone@12street.test", "password", "whatever-123"));

        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void shouldLockAnEmailAfterFiveWrongPasswordsEvenForTheRightOne() {
        String email = newCustomer("right-password-1");
        TestBrowser browser = new TestBrowser();
        for (int i = 0; i < 5; i++) {
            assertThat(logIn(browser, email, "wrong-password-" + i).location()).endsWith("/login?error");
        }

        assertThat(logIn(browser, email, "right-password-1").location()).endsWith("/login?locked");
    }

    @Test
    void shouldTreatAPasswordLongerThanBcryptReadsAsAWrongOne() {
        String email = newCustomer("right-password-2");

        assertThat(logIn(new TestBrowser(), email, "비밀번호".repeat(20)).location()).endsWith("/login?error");
    }

    @Test
    void shouldLockUnknownEmailsTheSameWaySoLocksRevealNoAccounts() {
        String unknown = "nobody-" + UUID.randomUUID() + "@12street.test";
        TestBrowser browser = new TestBrowser();
        for (int i = 0; i < 5; i++) {
            assertThat(logIn(browser, unknown, "guess-" + i).location()).endsWith("/login?error");
        }

        assertThat(logIn(browser, unknown, "guess-6").location()).endsWith("/login?locked");
    }
}
