package com.twelvestreet.oauth.account.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.oauth.OauthServerTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

class AccountApiTests extends OauthServerTestSupport {

    final RestTestClient http = RestTestClient.bindToServer().baseUrl(ISSUER).build();

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldSignUpACustomerWithoutEverShowingThePasswordOrItsHash() {
        String body = http.post().uri("/api/accounts").contentType(MediaType.APPLICATION_JSON).body("""
                {"email": " New.Shopper@12Street.test ", "password": "correct-horse-12", "nickname": "Lee",
                 "postalCode": "06236", "addressLine": "152 Teheran-ro, Gangnam-gu, Seoul"}
                """).exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"email\":\"new.shopper@12street.test\"", "\"roles\":[\"CUSTOMER\"]")
                .doesNotContain("correct-horse-12").doesNotContainIgnoringCase("password").doesNotContain("bcrypt");
        String hash = jdbc.sql("select password_hash from accounts where email = 'new.shopper@12street.test'")
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("correct-horse-12");
    }

    @Test
    void shouldDescribeTheAccountsApiAndNothingElseWithOpenApiForAnyone() {
        String document = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(document).contains("\"title\":\"12 Street accounts API\"", "\"/api/accounts\"", "\"/api/accounts/me\"",
                "\"servers\":[{\"url\":\"/\"");
        assertThat(document).as("the login pages and OAuth2 endpoints are not this API").doesNotContain("\"/login\"", "/oauth2/");
    }

    @Test
    void shouldRefuseASecondAccountForTheSameEmailInAnyCase() {
        String email = newCustomer("first-password-1");

        http.post().uri("/api/accounts").contentType(MediaType.APPLICATION_JSON).body("""
                {"email": "%s", "password": "another-password-2", "nickname": "Park"}
                """.formatted(email.toUpperCase())).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo(
                        "An account with this email already exists. Log in, or sign up with another email.");
    }

    @Test
    void shouldNameEveryInvalidField() {
        http.post().uri("/api/accounts").contentType(MediaType.APPLICATION_JSON).body("""
                {"email": "not-an-email", "password": "short1", "nickname": "", "postalCode": "ABC"}
                """).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").<List<String>>value(fields -> assertThat(fields)
                        .containsExactlyInAnyOrder("email", "password", "nickname", "postalCode"));
    }

    @Test
    void shouldRefuseAPasswordWithoutDigits() {
        http.post().uri("/api/accounts").contentType(MediaType.APPLICATION_JSON).body("""
                {"email": "letters@12street.test", "password": "onlylettershere", "nickname": "Choi"}
                """).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("must contain a letter and a digit");
    }

    @Test
    void shouldRefuseAPasswordLongerThanBcryptReadsWithAClearMessage() {
        String hangul = "한글비밀번호".repeat(10) + "pw12"; // 64 characters, 184 bytes in UTF-8
        http.post().uri("/api/accounts").contentType(MediaType.APPLICATION_JSON).body("""
                {"email": "hangul@12street.test", "password": "%s", "nickname": "Seo"}
                """.formatted(hangul)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").isEqualTo("is too long: at most 72 bytes (a Hangul character takes 3)");
    }

    @Test
    void shouldRefuseANulCharacterAsABadRequestNamingTheField() {
        http.post().uri("/api/accounts").contentType(MediaType.APPLICATION_JSON).body("""
                {"email": "nul@12street.test", "password": "nul-password-1", "nickname": "Nul\\u0000Byte"}
                """).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("nickname");
        assertThat(jdbc.sql("select count(*) from accounts where email = 'nul@12street.test'").query(Long.class).single())
                .isZero();
    }

    @Test
    void shouldKeepTheProfileToItsOwner() {
        http.get().uri("/api/accounts/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
