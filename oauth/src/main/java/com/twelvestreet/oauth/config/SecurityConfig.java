package com.twelvestreet.oauth.config;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.twelvestreet.oauth.account.LoginThrottle;
import com.twelvestreet.oauth.account.ThrottledAuthenticationProvider;
import com.twelvestreet.oauth.token.DeviceClientAuthentication;
import com.twelvestreet.platform.security.ResourceServerDefaults;

/**
 * Three filter chains: the OAuth2/OIDC endpoints, the account API (bearer tokens), and the pages
 * (login, sign-up, device activation) with a form login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String DEVICE_ACTIVATION_PAGE = "/activate";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, RegisteredClientRepository clients)
            throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults())
                    .clientAuthentication(authentication -> authentication
                            .authenticationConverter(DeviceClientAuthentication.converter("/oauth2/device_authorization"))
                            .authenticationProvider(DeviceClientAuthentication.provider(clients)))
                    .deviceAuthorizationEndpoint(device -> device.verificationUri(DEVICE_ACTIVATION_PAGE))
                    .deviceVerificationEndpoint(verification -> verification.deviceVerificationResponseHandler(
                            // the strategy prefixes the context path (/auth behind the gateway), sendRedirect would not
                            (request, response, authentication) -> new DefaultRedirectStrategy()
                                    .sendRedirect(request, response, "/activated")));
        })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // the OIDC user-info endpoint takes the access token
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                // a browser that is not logged in goes to the login page
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain accountApi(HttpSecurity http, ResourceServerDefaults defaults) throws Exception {
        // the API's OpenAPI document is public, as every service's (ResourceServerDefaults)
        http.securityMatcher("/api/**", "/v3/api-docs/**", ResourceServerDefaults.FAULT_SWITCH);
        defaults.applyTo(http).authorizeHttpRequests(requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/accounts").permitAll()
                .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/signup", "/css/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login").failureHandler(failures));
        return http.build();
    }

    /** Password logins, refused up front while an email is locked after repeated failures. */
    @Bean
    ThrottledAuthenticationProvider throttledAuthenticationProvider(UserDetailsService accounts,
            PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }
}
