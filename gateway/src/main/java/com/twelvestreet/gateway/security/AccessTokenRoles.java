package com.twelvestreet.gateway.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import com.twelvestreet.platform.security.TokenRoles;

/**
 * A browser login's roles come from the access token the gateway received with it, not from the ID
 * token (which carries none): the token is checked by the same decoder as an API client's bearer token
 * and mapped by the same converter, so a session and a bearer token of one account have the same roles.
 */
class AccessTokenRoles implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcReactiveOAuth2UserService users = new OidcReactiveOAuth2UserService();
    private final JwtAuthenticationConverter roles = TokenRoles.authenticationConverter();
    private final ReactiveJwtDecoder accessTokens;

    AccessTokenRoles(ReactiveJwtDecoder accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        return users.loadUser(request).zipWith(accessTokens.decode(request.getAccessToken().getTokenValue()),
                (user, accessToken) -> {
                    Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
                    Collection<GrantedAuthority> fromToken = roles.convert(accessToken).getAuthorities();
                    authorities.addAll(fromToken);
                    return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
                });
    }
}
