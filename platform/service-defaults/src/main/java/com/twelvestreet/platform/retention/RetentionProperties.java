package com.twelvestreet.platform.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the retention rounds run (docs/retention.md): every {@code interval}, batches of {@code batchSize} rows, a
 * transaction each, at most {@code maxBatches} per rule and round so one round never holds the database for long.
 */
@ConfigurationProperties("twelvestreet.retention")
public record RetentionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration interval,
        @DefaultValue("1000") int batchSize, @DefaultValue("100") int maxBatches) {
}
