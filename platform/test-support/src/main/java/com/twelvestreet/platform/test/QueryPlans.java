package com.twelvestreet.platform.test;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL's plans for the queries a service runs per request, per event or per round, checked on tables of the
 * size a shop reaches (docs/retention.md): the rows are made in a transaction that is rolled back afterwards, so they
 * cost no clean-up and other tests never see them. The tests make 200,000 of them, not a million: a sequential scan
 * costs the planner in proportion to the table and the index scan for the same few matching rows hardly grows with it,
 * so a plan that reads the index on the smaller table reads it on the larger one too; a million rows took 10–17 s more
 * per test.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** The plan for {@code sql} with these parameters, one line per node. */
    public static String explain(JdbcClient jdbc, String sql, Object... parameters) {
        return String.join("\n", jdbc.sql("explain " + sql).params(List.of(parameters)).query(String.class).list());
    }

    /** The plan reads {@code index} and scans no table. */
    public static void assertReadsIndex(String plan, String index) {
        assertThat(plan).as(plan).contains(index).doesNotContain("Seq Scan");
    }

    /** Runs {@code work} in a transaction that is rolled back at its end, whatever it wrote. */
    public static void inRolledBackTransaction(PlatformTransactionManager transactions, Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }
}
