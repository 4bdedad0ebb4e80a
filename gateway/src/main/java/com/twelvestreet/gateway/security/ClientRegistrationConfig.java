package com.twelvestreet.gateway.security;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;

/**
 * The client registration from {@code spring.security.oauth2.client.*}, completed with what OIDC
 * discovery would have said: the issuer (checked in every ID token) and the end-session endpoint
 * (so logging out of the shop also ends the login at the authorization server). Writing these down
 * instead of discovering them lets the gateway start while the issuer is still starting.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class ClientRegistrationConfig {

    @Bean
    InMemoryReactiveClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties,
            @Value("${twelvestreet.security.issuer-uri}") String issuer) {
        List<ClientRegistration> registrations = new OAuth2ClientPropertiesMapper(properties).asClientRegistrations()
                .values().stream()
                .map(registration -> ClientRegistration.withClientRegistration(registration)
                        .issuerUri(issuer)
                        .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                        .build())
                .toList();
        return new InMemoryReactiveClientRegistrationRepository(registrations);
    }
}
