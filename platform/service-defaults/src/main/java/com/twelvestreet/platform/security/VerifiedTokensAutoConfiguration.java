package com.twelvestreet.platform.security;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.ClassUtils;

/**
 * Every JWT decoder of a service, servlet or reactive (the gateway), remembers the bearer tokens it accepted
 * until they expire ({@link VerifiedTokens}); {@code twelvestreet.security.verified-tokens.enabled=false}
 * decodes every request again.
 */
@AutoConfiguration
@ConditionalOnClass({ JwtDecoder.class, Caffeine.class })
@ConditionalOnProperty(name = "twelvestreet.security.verified-tokens.enabled", matchIfMissing = true)
public class VerifiedTokensAutoConfiguration {

    static final String MAXIMUM_SIZE = "twelvestreet.security.verified-tokens.maximum-size";

    @Bean
    static BeanPostProcessor verifiedTokenDecoders(Environment environment) {
        long maximumSize = environment.getProperty(MAXIMUM_SIZE, Long.class, 2_000L);
        boolean reactive = ClassUtils.isPresent("reactor.core.publisher.Mono", null);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)) {
                    return new CachingJwtDecoder(decoder, new VerifiedTokens(maximumSize, Clock.systemUTC()));
                }
                if (reactive && bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof CachingReactiveJwtDecoder)) {
                    return new CachingReactiveJwtDecoder(decoder, new VerifiedTokens(maximumSize, Clock.systemUTC()));
                }
                return bean;
            }
        };
    }
}
