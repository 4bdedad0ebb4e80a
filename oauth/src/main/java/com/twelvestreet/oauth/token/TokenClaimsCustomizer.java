package com.twelvestreet.oauth.token;

import java.util.ArrayList;
import java.util.UUID;

import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import com.twelvestreet.oauth.account.Account;
import com.twelvestreet.oauth.account.Accounts;
import com.twelvestreet.platform.security.AccessTokens;
import com.twelvestreet.platform.security.TokenClaims;

/**
 * Puts what services need into access and ID tokens: {@code sub} is the account id, plus the
 * account's email and nickname (read fresh, so a change shows in the next token). Roles go into
 * access tokens only, and access tokens say what they are ({@code typ: at+jwt}, RFC 9068): the
 * services refuse anything else, so an ID token, which browsers and logs get to see, opens no API.
 */
@Component
class TokenClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Accounts accounts;

    TokenClaimsCustomizer(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (accessToken) {
            context.getJwsHeader().type(AccessTokens.TYPE);
        }
        UUID accountId = parse(context.getPrincipal().getName());
        if (accountId == null) {
            return; // a client acting for itself (client credentials) has no account
        }
        Account account = accounts.get(accountId);
        context.getClaims().claims(claims -> {
            claims.put(TokenClaims.EMAIL, account.getEmail());
            claims.put(TokenClaims.NICKNAME, account.getNickname());
            if (accessToken) {
                // a mutable list: the claims are also stored with the authorization, and its JSON
                // (de)serialization allows plain collections only
                claims.put(TokenClaims.ROLES, new ArrayList<>(account.getRoles().stream().map(Enum::name).sorted().toList()));
            }
        });
    }

    private static UUID parse(String name) {
        try {
            return UUID.fromString(name);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
