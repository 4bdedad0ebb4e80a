package com.twelvestreet.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Tags every meter with the service's name, so one Prometheus and one dashboard serve all services. */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public class ObservabilityAutoConfiguration {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> applicationTag(Environment environment) {
        String application = environment.getProperty("spring.application.name", "unnamed");
        return registry -> registry.config().commonTags("application", application);
    }
}
