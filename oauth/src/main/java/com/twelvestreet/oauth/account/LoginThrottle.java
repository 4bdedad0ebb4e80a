package com.twelvestreet.oauth.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.oauth.config.OauthProperties;

/**
 * Locks an email for a while after repeated wrong passwords. It counts per attempted email, whether
 * or not an account exists, so the lock tells an attacker nothing about which emails are registered.
 */
@Component
@Transactional
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final OauthProperties.Login settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, OauthProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.login();
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean isLocked(String email) {
        return jdbc.sql("select locked_until from login_throttle where email = ?")
                .param(Account.normalize(email))
                .query(Timestamp.class)
                .optional()
                .map(until -> until.toInstant().isAfter(clock.instant()))
                .orElse(false);
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            recordFailure(attempt.getName());
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountUser user) {
            jdbc.sql("delete from login_throttle where email = ?").param(user.email()).update();
        }
    }

    void recordFailure(String attemptedEmail) {
        String email = Account.normalize(attemptedEmail);
        if (email == null || email.isEmpty() || email.length() > 254) {
            return;
        }
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                insert into login_throttle (email, failures, last_failure_at) values (?, 1, ?)
                on conflict (email) do update
                set failures = login_throttle.failures + 1, last_failure_at = excluded.last_failure_at
                returning failures""").param(email).param(Timestamp.from(now)).query(Integer.class).single();
        if (failures >= settings.maxFailures()) {
            jdbc.sql("update login_throttle set failures = 0, locked_until = ? where email = ?")
                    .param(Timestamp.from(now.plus(settings.lockDuration()))).param(email).update();
        }
    }
}
