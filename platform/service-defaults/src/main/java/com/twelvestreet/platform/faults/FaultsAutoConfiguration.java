package com.twelvestreet.platform.faults;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The fault switch of a servlet service, for drills and for exploring the circuit breakers: only where
 * {@code twelvestreet.faults.enabled} is true ({@code FAULTS_ENABLED}; {@code ./shop} turns it on, compose and
 * Kubernetes leave it off). Without it there is no endpoint and no filter.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBooleanProperty("twelvestreet.faults.enabled")
public class FaultsAutoConfiguration {

    @Bean
    FaultSwitch faultSwitch(ApplicationEventPublisher events) {
        return new FaultSwitch(events);
    }

    @Bean
    FaultsEndpoint faultsEndpoint(FaultSwitch faults) {
        return new FaultsEndpoint(faults);
    }

    @Bean
    FilterRegistrationBean<FaultInjectionFilter> faultInjectionFilter(FaultSwitch faults, MeterRegistry meters) {
        FilterRegistrationBean<FaultInjectionFilter> registration =
                new FilterRegistrationBean<>(new FaultInjectionFilter(faults, meters));
        // after the input limits and the server observation (the injected latency shows in traces and
        // http.server.requests), before Spring Security: a slow service is slow for everyone
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
