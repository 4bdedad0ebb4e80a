package com.twelvestreet.oauth;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.twelvestreet.oauth.account.LoginThrottle;
import com.twelvestreet.platform.retention.Retention;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What oauth keeps for anonymous callers is removed once it protects nothing (docs/retention.md), and never while it
 * still does: a live refresh token, a running lock, a recent failure.
 */
class BookkeepingRetentionTests extends OauthServerTestSupport {

    @Autowired
    Retention retention;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldForgetIdleLoginFailuresButNotARunningLockOrARecentFailure() {
        String idle = email(), locked = email(), recent = email();
        throttleRow(idle, "now() - interval '2 days'", "null");
        throttleRow(locked, "now() - interval '2 days'", "now() + interval '10 minutes'");
        throttleRow(recent, "now()", "null");

        retention.runOnce();

        assertThat(throttleRows(idle)).isZero();
        assertThat(throttleRows(locked)).isEqualTo(1);
        assertThat(throttle.isLocked(locked)).isTrue();
        assertThat(throttleRows(recent)).isEqualTo(1);
    }

    @Test
    void shouldRemoveAnAuthorizationOnlyOnceNothingInItIsValid() {
        String live = authorization("now() - interval '2 days'", "now() - interval '1 day'", "now() + interval '1 day'");
        String expired = authorization("now() - interval '2 days'", "now() - interval '1 day'", "now() - interval '1 hour'");
        String neverIssued = authorization("now() - interval '2 days'", "null", "null");
        String young = authorization("now()", "now() - interval '1 minute'", "null");

        retention.runOnce();

        assertThat(authorizationRows(live)).as("a refresh token still valid").isEqualTo(1);
        assertThat(authorizationRows(expired)).isZero();
        assertThat(authorizationRows(neverIssued)).as("a login that never got a code").isZero();
        assertThat(authorizationRows(young)).as("made less than a day ago").isEqualTo(1);
    }

    private static String email() {
        return "throttle-" + UUID.randomUUID() + "@12street.test";
    }

    private void throttleRow(String email, String lastFailure, String lockedUntil) {
        jdbc.sql("insert into login_throttle (email, failures, last_failure_at, locked_until) values (?, 3, "
                + lastFailure + ", " + lockedUntil + ")").param(email).update();
    }

    private long throttleRows(String email) {
        return jdbc.sql("select count(*) from login_throttle where email = ?").param(email).query(Long.class).single();
    }

    private String authorization(String createdAt, String accessTokenExpiresAt, String refreshTokenExpiresAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type, "
                + "created_at, access_token_expires_at, refresh_token_expires_at) values (?, 'gateway', 'someone', "
                + "'authorization_code', " + createdAt + ", " + accessTokenExpiresAt + ", " + refreshTokenExpiresAt + ")")
                .param(id).update();
        return id;
    }

    private long authorizationRows(String id) {
        return jdbc.sql("select count(*) from oauth2_authorization where id = ?").param(id).query(Long.class).single();
    }
}
