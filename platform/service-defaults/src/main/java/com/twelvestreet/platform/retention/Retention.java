package com.twelvestreet.platform.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.twelvestreet.platform.scheduling.FixedDelayJob;

/**
 * Removes bookkeeping rows past their {@link RetentionRule retention} in bounded batches, every
 * {@code interval}. One replica at a time: a round runs only while it holds a PostgreSQL advisory lock on its
 * own connection, so replicas of a service (one database) never delete side by side, and a replica that dies
 * mid-round lets go of the lock with its connection. Each batch is a transaction of its own (auto-commit).
 */
public class Retention extends FixedDelayJob {

    /** The advisory lock's key, unique within a service's database. */
    public static final long LOCK = 0x12_5757_0001L;

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final DataSource dataSource;
    private final List<RetentionRule> rules;
    private final RetentionProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public Retention(DataSource dataSource, List<RetentionRule> rules, RetentionProperties properties, Clock clock,
            MeterRegistry meters) {
        super("retention", properties.interval());
        this.dataSource = dataSource;
        this.rules = List.copyOf(rules);
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * One round over every rule: rows removed per table, or empty when another replica holds the round.
     */
    public Optional<Map<String, Long>> runOnce() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!advisoryLock(connection, "pg_try_advisory_lock")) {
                return Optional.empty();
            }
            try {
                Map<String, Long> removed = new LinkedHashMap<>();
                for (RetentionRule rule : rules) {
                    removed.put(rule.table(), apply(connection, rule));
                }
                return Optional.of(removed);
            }
            finally {
                advisoryLock(connection, "pg_advisory_unlock");
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Retention round failed", ex);
        }
    }

    private long apply(Connection connection, RetentionRule rule) throws SQLException {
        Instant cutoff = clock.instant().minus(rule.keep());
        long removed = 0;
        try (PreparedStatement delete = connection.prepareStatement(rule.deleteBatch())) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, properties.batchSize());
            for (int batch = 0; batch < properties.maxBatches(); batch++) {
                int rows = delete.executeUpdate();
                removed += rows;
                if (rows < properties.batchSize()) {
                    break;
                }
            }
        }
        if (removed > 0) {
            Counter.builder("twelvestreet.retention.removed").description("Bookkeeping rows removed past their retention")
                    .tag("table", rule.table()).register(meters).increment(removed);
            log.info("Retention removed {} rows of {} from before {}", removed, rule.table(), cutoff);
        }
        return removed;
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select " + function + "(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    @Override
    protected void round() {
        if (runOnce().isEmpty()) {
            log.debug("Retention round left to another replica");
        }
    }
}
