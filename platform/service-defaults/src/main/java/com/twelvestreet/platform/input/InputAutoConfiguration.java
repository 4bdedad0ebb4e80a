package com.twelvestreet.platform.input;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Input limits of servlet services: {@link RequestInputFilter} first in the chain, and NUL-free JSON strings. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
@EnableConfigurationProperties(InputProperties.class)
public class InputAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestInputFilter> requestInputFilter(InputProperties properties) {
        FilterRegistrationBean<RequestInputFilter> registration = new FilterRegistrationBean<>(new RequestInputFilter(properties));
        // before Spring Security and tracing: refused input costs nothing else
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    JsonMapperBuilderCustomizer nulFreeStrings() {
        return builder -> builder.addModule(NulFreeStrings.module());
    }
}
