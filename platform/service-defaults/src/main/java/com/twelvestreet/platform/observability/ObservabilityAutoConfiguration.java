package com.twelvestreet.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.observation.SecurityObservationSettings;

/** Tags every meter with the service's name, so one Prometheus and one dashboard serve all services. */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public class ObservabilityAutoConfiguration {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> applicationTag(Environment environment) {
        String application = environment.getProperty("spring.application.name", "unnamed");
        return registry -> registry.config().commonTags("application", application);
    }

    /**
     * Spring Security observes every filter of its chain, every authentication and authorization: twelve of
     * the eighteen spans of an order placement, none saying more than the request's own span, and CPU
     * spent on each request to make them. {@code twelvestreet.observability.security-spans=true} brings them back.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SecurityObservationSettings.class)
    @ConditionalOnProperty(name = "twelvestreet.observability.security-spans", havingValue = "false", matchIfMissing = true)
    static class QuietSecurity {

        @Bean
        @ConditionalOnMissingBean
        SecurityObservationSettings securityObservationSettings() {
            return SecurityObservationSettings.noObservations();
        }
    }
}
