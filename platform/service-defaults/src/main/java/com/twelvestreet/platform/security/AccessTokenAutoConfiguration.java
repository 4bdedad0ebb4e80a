package com.twelvestreet.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * Spring Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to the resource server's decoder, servlet
 * and reactive alike, and leaves out its own {@code typ: JWT} check once a {@link JwtTypeValidator} is
 * among them: every service and the gateway then accept access tokens only.
 */
@AutoConfiguration
@ConditionalOnClass(JwtTypeValidator.class)
public class AccessTokenAutoConfiguration {

    @Bean
    OAuth2TokenValidator<Jwt> accessTokenTypeValidator() {
        return AccessTokens.typeValidator();
    }
}
