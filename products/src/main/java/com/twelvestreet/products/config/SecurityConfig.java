package com.twelvestreet.products.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.twelvestreet.platform.security.ResourceServerDefaults;
import com.twelvestreet.platform.security.Roles;

/** Anyone browses the catalogue; only ADMIN tokens change it or use the operator endpoints. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerDefaults defaults) throws Exception {
        defaults.applyTo(http).authorizeHttpRequests(requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/products", "/api/products/**").permitAll()
                .requestMatchers("/api/products", "/api/products/**").hasRole(Roles.ADMIN)
                .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN)
                .anyRequest().authenticated());
        return http.build();
    }
}
