package com.twelvestreet.platform.faults;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The fault switch, for drills and for exploring the circuit breakers: only where
 * {@code twelvestreet.faults.enabled} is true ({@code FAULTS_ENABLED}; {@code ./shop} turns it on, compose and
 * Kubernetes leave it off). Without it there is no endpoint and no filter. Only a service with a security filter
 * chain, which lets ADMIN tokens alone reach the endpoint, gets one: Eureka and the ui check no tokens, so they
 * have no switch (stop them to drill their absence). The servlet services get their filter here; the gateway
 * (WebFlux, the only reactive service) applies the switch with a filter of its own.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBooleanProperty("twelvestreet.faults.enabled")
@Conditional(FaultsAutoConfiguration.TokensChecked.class)
public class FaultsAutoConfiguration {

    static class TokensChecked extends AnyNestedCondition {

        TokensChecked() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(type = "org.springframework.security.web.SecurityFilterChain")
        static class Servlet {
        }

        @ConditionalOnBean(type = "org.springframework.security.web.server.SecurityWebFilterChain")
        static class Reactive {
        }
    }

    @Bean
    FaultSwitch faultSwitch(ApplicationEventPublisher events, MeterRegistry meters) {
        return new FaultSwitch(events, meters);
    }

    @Bean
    FaultsEndpoint faultsEndpoint(FaultSwitch faults) {
        return new FaultsEndpoint(faults);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletFaultInjection {

        @Bean
        FilterRegistrationBean<FaultInjectionFilter> faultInjectionFilter(FaultSwitch faults) {
            FilterRegistrationBean<FaultInjectionFilter> registration =
                    new FilterRegistrationBean<>(new FaultInjectionFilter(faults));
            // after the input limits and the server observation (the injected latency shows in traces and
            // http.server.requests), before Spring Security: a slow service is slow for everyone
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
