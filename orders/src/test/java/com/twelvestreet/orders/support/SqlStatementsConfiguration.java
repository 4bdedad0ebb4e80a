package com.twelvestreet.orders.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** {@link SqlStatements} in every orders test context (one context shared, so no extra start-up). */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatementsConfiguration {

    @Bean
    static SqlStatements sqlStatements() {
        return new SqlStatements();
    }
}
