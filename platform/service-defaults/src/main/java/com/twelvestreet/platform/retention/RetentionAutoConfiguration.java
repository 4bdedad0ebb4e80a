package com.twelvestreet.platform.retention;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Retention for services with a database: their {@link RetentionRule} beans (the platform's own for
 * {@code processed_events}, each service's for its bookkeeping) are applied every
 * {@code twelvestreet.retention.interval}; {@code twelvestreet.retention.enabled=false} turns the rounds off.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "com.twelvestreet.platform.messaging.MessagingAutoConfiguration",
        "com.twelvestreet.platform.time.ClockAutoConfiguration" })
@ConditionalOnBean({ DataSource.class, RetentionRule.class })
@ConditionalOnProperty(name = "twelvestreet.retention.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionAutoConfiguration {

    @Bean
    Retention retention(DataSource dataSource, ObjectProvider<RetentionRule> rules, RetentionProperties properties,
            Clock clock, ObjectProvider<MeterRegistry> meters) {
        return new Retention(dataSource, rules.orderedStream().toList(), properties, clock,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
