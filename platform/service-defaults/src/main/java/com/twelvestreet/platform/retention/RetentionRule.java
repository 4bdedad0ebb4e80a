package com.twelvestreet.platform.retention;

import java.time.Duration;

/**
 * One kind of bookkeeping row and how long it is kept: rows of {@code table} whose {@code timeColumn} is older
 * than {@code keep}, and that also match {@code condition} (SQL, or empty), are removed by {@link Retention}.
 * Each service declares its rules as beans; the time column needs an index (the rounds look rows up by it).
 */
public record RetentionRule(String table, String timeColumn, String condition, Duration keep) {

    public RetentionRule {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("A retention period must be positive: " + table + " " + keep);
        }
    }

    public static RetentionRule olderThan(String table, String timeColumn, Duration keep) {
        return new RetentionRule(table, timeColumn, "", keep);
    }

    /**
     * Deletes at most the given number of rows older than the given instant, oldest first (parameters: cutoff,
     * batch size). The order makes the plan walk the time column's index from its old end: without it, PostgreSQL
     * may pick a sequential scan expecting expired rows spread evenly through the table.
     */
    public String deleteBatch() {
        String rows = "select ctid from " + table + " where " + timeColumn + " < ?"
                + (condition.isBlank() ? "" : " and (" + condition + ")") + " order by " + timeColumn + " limit ?";
        return "delete from " + table + " where ctid = any(array(" + rows + "))";
    }
}
