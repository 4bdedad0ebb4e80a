package com.twelvestreet.orders.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements sent to the database (one per round trip: a JDBC batch counts once) while a
 * piece of work runs on the calling thread, or on any thread with their parameters (the outbox sends and
 * completes on its own threads), through datasource-proxy around the application's DataSource.
 */
public final class SqlStatements implements QueryExecutionListener, BeanPostProcessor {

    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    /** The statements the work sent from this thread, in order. */
    public List<String> sentBy(Runnable work) {
        List<String> sent = new ArrayList<>();
        recording.set(sent);
        try {
            work.run();
        }
        finally {
            recording.remove();
        }
        return sent;
    }

    private final List<Sent> fromAnyThread = new CopyOnWriteArrayList<>();
    private volatile boolean watchingEveryThread;

    /** The statements every thread sent while the work ran; the work may wait on {@link #sentSoFar()}. */
    public List<Sent> sentByAnyThreadDuring(Runnable work) {
        fromAnyThread.clear();
        watchingEveryThread = true;
        try {
            work.run();
        }
        finally {
            watchingEveryThread = false;
        }
        return List.copyOf(fromAnyThread);
    }

    public List<Sent> sentSoFar() {
        return List.copyOf(fromAnyThread);
    }

    /** A statement and the values bound to it (the first set of a batch). */
    public record Sent(String sql, List<Object> parameters) {
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        if (watchingEveryThread) {
            queries.forEach(query -> fromAnyThread.add(new Sent(query.getQuery(), query.getParametersList().isEmpty()
                    ? List.of()
                    : query.getParametersList().get(0).stream().map(set -> set.getArgs()[1]).toList())));
        }
        List<String> sent = recording.get();
        if (sent != null) {
            String batch = execution.isBatch() ? " [batch of " + execution.getBatchSize() + "]" : "";
            sent.add(queries.stream().map(QueryInfo::getQuery).collect(Collectors.joining("; ")) + batch);
        }
    }

    /** Wraps the DataSource Spring Boot made, so Hibernate, JdbcClient and Spring Modulith all go through it. */
    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)
                ? ProxyDataSourceBuilder.create(dataSource).name(name).listener(this).build()
                : bean;
    }
}
