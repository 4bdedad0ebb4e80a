package com.twelvestreet.oauth.config;


import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import com.twelvestreet.oauth.token.DeviceConsentNotRemembered;
import com.twelvestreet.oauth.token.SigningKeys;
import com.twelvestreet.platform.security.AccessTokens;

/**
 * The authorization server's parts beyond Spring Boot's defaults: the persistent signing key,
 * authorizations and consents in PostgreSQL, and a decoder for the service's own account API.
 * Clients and token lifetimes are configuration: {@code spring.security.oauth2.authorizationserver.*}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    @Bean
    JWKSource<SecurityContext> jwkSource(OauthProperties properties) {
        OauthProperties.SigningKey key = properties.signingKey();
        return new ImmutableJWKSet<>(new JWKSet(SigningKeys.load(key.location(), key.generateIfMissing())));
    }

    /**
     * The account API and the user-info endpoint check the access tokens this service itself issues,
     * with the same key and issuer; ID tokens are refused there as everywhere else.
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource,
            @Value("${spring.security.oauth2.authorizationserver.issuer}") String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(issuer), AccessTokens.typeValidator()));
        return decoder;
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new DeviceConsentNotRemembered(new JdbcOAuth2AuthorizationConsentService(jdbc, clients), clients);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
