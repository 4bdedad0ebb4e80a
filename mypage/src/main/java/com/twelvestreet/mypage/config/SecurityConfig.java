package com.twelvestreet.mypage.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.twelvestreet.platform.security.ResourceServerDefaults;
import com.twelvestreet.platform.security.Roles;

/** Any signed-in account reads its own page: every query is filtered by the token's subject. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerDefaults defaults) throws Exception {
        defaults.applyTo(http).authorizeHttpRequests(requests -> requests
                .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN)
                .requestMatchers("/api/mypage/**").authenticated()
                .anyRequest().denyAll());
        return http.build();
    }
}
