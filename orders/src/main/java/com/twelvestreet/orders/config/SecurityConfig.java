package com.twelvestreet.orders.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.twelvestreet.platform.security.ResourceServerDefaults;
import com.twelvestreet.platform.security.Roles;

/** Any signed-in account orders (ownership is checked per order); operator endpoints need ADMIN. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerDefaults defaults) throws Exception {
        defaults.applyTo(http).authorizeHttpRequests(requests -> requests
                .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN)
                .requestMatchers("/api/orders", "/api/orders/**").authenticated()
                .anyRequest().denyAll());
        return http.build();
    }
}
