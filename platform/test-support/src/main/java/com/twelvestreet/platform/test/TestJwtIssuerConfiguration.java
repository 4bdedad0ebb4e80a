package com.twelvestreet.platform.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points a service's resource-server settings at {@link TestJwtIssuer}: the service then fetches
 * keys and checks signatures, issuer and expiry exactly as it does against the oauth service.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestJwtIssuerConfiguration {

    @Bean
    TestJwtIssuer testJwtIssuer() {
        return TestJwtIssuer.shared();
    }

    @Bean
    DynamicPropertyRegistrar testIssuerProperties(TestJwtIssuer issuer) {
        return registry -> {
            registry.add("twelvestreet.security.issuer-uri", issuer::issuer);
            registry.add("twelvestreet.security.issuer-backchannel-uri", issuer::issuer);
        };
    }
}
