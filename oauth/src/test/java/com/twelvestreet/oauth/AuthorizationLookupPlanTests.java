package com.twelvestreet.oauth;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static com.twelvestreet.platform.test.QueryPlans.assertReadsIndex;
import static com.twelvestreet.platform.test.QueryPlans.explain;
import static com.twelvestreet.platform.test.QueryPlans.inRolledBackTransaction;

/**
 * Every way Spring Authorization Server looks an authorization up (the filters of its JdbcOAuth2AuthorizationService:
 * by a token of a known type, or by all of them) reads an index, not the table, on a busy day's authorizations: a
 * 200,000 device-flow requests and a thousand logins.
 */
class AuthorizationLookupPlanTests extends OauthServerTestSupport {

    private static final List<String> FILTERS = List.of("state = ?", "authorization_code_value = ?",
            "access_token_value = ?", "oidc_id_token_value = ?", "refresh_token_value = ?", "user_code_value = ?",
            "device_code_value = ?", "state = ? OR authorization_code_value = ? OR access_token_value = ? OR "
                    + "oidc_id_token_value = ? OR refresh_token_value = ? OR user_code_value = ? OR device_code_value = ?");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldFindAnAuthorizationByAnyOfItsTokensThroughAnIndex() {
        inRolledBackTransaction(transactions, () -> {
            jdbc.sql("""
                    insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                        user_code_value, device_code_value, device_code_expires_at)
                    select 'plan-' || i, 'shop-cli', 'anonymousUser', 'urn:ietf:params:oauth:grant-type:device_code',
                        upper(substr(md5('user' || i), 1, 8)), md5('device' || i), now() - interval '1 hour'
                    from generate_series(1, 200000) i""").update();
            jdbc.sql("""
                    insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                        state, authorization_code_value, access_token_value, oidc_id_token_value, refresh_token_value)
                    select 'plan-login-' || i, 'gateway', 'someone', 'authorization_code', md5('state' || i),
                        md5('code' || i), md5('access' || i), md5('id' || i), md5('refresh' || i)
                    from generate_series(1, 1000) i""").update();
            jdbc.sql("analyze oauth2_authorization").update();

            for (String filter : FILTERS) {
                Object[] token = Collections.nCopies((int) filter.chars().filter(c -> c == '?').count(), "0123456789abcdef")
                        .toArray();
                assertReadsIndex(explain(jdbc, "select * from oauth2_authorization where " + filter, token),
                        "oauth2_authorization_");
            }
        });
    }
}
