package com.twelvestreet.platform.input;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;

/**
 * Input limits of servlet services: {@link RequestInputFilter} first in the chain, NUL-free JSON strings
 * and JSON read constraints.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
@EnableConfigurationProperties(InputProperties.class)
public class InputAutoConfiguration {

    static final int MAX_NESTING_DEPTH = 32;

    @Bean
    FilterRegistrationBean<RequestInputFilter> requestInputFilter(InputProperties properties) {
        FilterRegistrationBean<RequestInputFilter> registration = new FilterRegistrationBean<>(new RequestInputFilter(properties));
        // right after the server observation (HIGHEST_PRECEDENCE + 1), before Spring Security: a refusal is counted in
        // http.server.requests and carries the request's trace id, and costs nothing else
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    JsonMapperBuilderCustomizer nulFreeStrings() {
        return builder -> builder.addModule(NulFreeStrings.module());
    }

    /**
     * Spring Boot's own builder, on a JSON factory with read constraints: a document no longer than the
     * body limit and nested at most {@value #MAX_NESTING_DEPTH} deep (the shop's requests and events nest
     * five levels at most; Jackson's default allows 500). Boot starts from a factory without settings and
     * its customizers cannot reach the factory, hence the bean; every customizer still applies.
     */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers, InputProperties input) {
        JsonFactory constrained = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(input.maxBodySize().toBytes())
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build()).build();
        JsonMapper.Builder builder = JsonMapper.builder(constrained);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
