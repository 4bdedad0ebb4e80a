package com.twelvestreet.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/** Resource-server defaults for servlet services that bring Spring Security's resource server. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, JwtAuthenticationConverter.class })
public class ResourceServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        return TokenRoles.authenticationConverter();
    }

    @Bean
    @ConditionalOnMissingBean
    ResourceServerDefaults resourceServerDefaults(JwtAuthenticationConverter jwtAuthenticationConverter) {
        return new ResourceServerDefaults(jwtAuthenticationConverter);
    }
}
