package com.twelvestreet.oauth.config;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.twelvestreet.platform.retention.RetentionRule;

/**
 * What oauth keeps for anonymous callers, bounded (docs/retention.md): an authorization once nothing in it is still
 * valid, a login throttle row once it has been idle and is not locking.
 */
@Configuration(proxyBeanMethods = false)
class BookkeepingRetention {

    /** Every code and token of an authorization expired (or none was issued) and it is older than the period. */
    @Bean
    RetentionRule expiredAuthorizations(@Value("${twelvestreet.retention.authorizations}") Duration keep) {
        return new RetentionRule("oauth2_authorization", "created_at", """
                coalesce(greatest(authorization_code_expires_at, access_token_expires_at, refresh_token_expires_at,
                oidc_id_token_expires_at, user_code_expires_at, device_code_expires_at), created_at) < now()""", keep);
    }

    /** Failures counted for an email are forgotten once it had none for the period; a lock runs its course first. */
    @Bean
    RetentionRule idleLoginThrottles(@Value("${twelvestreet.retention.login-throttle}") Duration keep) {
        return new RetentionRule("login_throttle", "last_failure_at", "locked_until is null or locked_until < now()", keep);
    }
}
