package com.twelvestreet.platform.resilience;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** What waits for the database (retried without end, 503) and what is a failure of the work (dead letter, 4xx/500). */
class UnavailableDependencyTests {

    @Test
    void shouldTellADatabaseThatIsAwayWhereverItIsInTheCauses() {
        assertThat(UnavailableDependency.isCause(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        // PostgreSQL ending a connection while it shuts down or restarts (57P01), and a refused connection (08001)
        assertThat(UnavailableDependency.isCause(new ListenerExecutionFailedException("listener failed",
                new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")))))
                .isTrue();
        assertThat(UnavailableDependency.isCause(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(UnavailableDependency.isCause(new SQLException("too many clients already", "53300"))).isTrue();
        // a statement on a connection the server ended, then the rollback on it: only the rollback's failure is thrown
        assertThat(UnavailableDependency.isCause(new TransactionSystemException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void shouldNotTakeAFailureOfTheWorkForAnOutage() {
        assertThat(UnavailableDependency.isCause(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(UnavailableDependency.isCause(new SQLException("relation does not exist", "42P01"))).isFalse();
        assertThat(UnavailableDependency.isCause(new OptimisticLockingFailureException("changed meanwhile"))).isFalse();
        assertThat(UnavailableDependency.isCause(new IllegalStateException("a bug"))).isFalse();
    }
}
