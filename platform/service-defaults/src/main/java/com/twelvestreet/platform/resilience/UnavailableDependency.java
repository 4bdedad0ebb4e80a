package com.twelvestreet.platform.resilience;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of something the service depends on being away (its database restarting, unreachable, out of
 * connections) from a failure of the work itself. The first goes away by itself: a request answers 503 with
 * Retry-After, an event is retried until the dependency is back. The second does not: a request answers what
 * the error says, an event goes to its dead-letter topic after a few attempts.
 */
public final class UnavailableDependency {

    private static final List<Class<? extends Throwable>> TYPES = List.of(DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, RecoverableDataAccessException.class, SQLTransientConnectionException.class,
            SQLRecoverableException.class);

    /**
     * SQLSTATE classes and codes of a server that is away, not of a bad statement: connection exceptions (08),
     * operator intervention such as a shutdown or a restart (57P), too many connections (53300).
     */
    private static final List<String> SQL_STATES = List.of("08", "57P", "53300");

    private static final String HIKARI_CLOSED = "Connection is closed";

    private UnavailableDependency() {
    }

    private static boolean isServerAway(SQLException sql) {
        return sql.getSQLState() != null && SQL_STATES.stream().anyMatch(sql.getSQLState()::startsWith);
    }

    /**
     * HikariCP's answer for a connection it has already found broken: when a statement fails because the server
     * ended the connection, rolling back then fails with this, and the rollback's failure is what reaches the caller
     * (the statement's, with its SQLSTATE, is only logged).
     */
    private static boolean isKnownBroken(SQLException sql) {
        return sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage());
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Throwable current = cause;
            if (TYPES.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
            if (cause instanceof SQLException sql && (isServerAway(sql) || isKnownBroken(sql))) {
                return true;
            }
        }
        return false;
    }
}
