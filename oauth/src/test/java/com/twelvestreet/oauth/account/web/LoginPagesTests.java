package com.twelvestreet.oauth.account.web;

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
    void shouldLockUnknownEmailsTheSameWaySoLocksRevealNoAccounts() {
        String unknown = "nobody-" + UUID.randomUUID() + "@12street.test";
        TestBrowser browser = new TestBrowser();
        for (int i = 0; i < 5; i++) {
            assertThat(logIn(browser, unknown, "guess-" + i).location()).endsWith("/login?error");
        }

        assertThat(logIn(browser, unknown, "guess-6").location()).endsWith("/login?locked");
    }
}
