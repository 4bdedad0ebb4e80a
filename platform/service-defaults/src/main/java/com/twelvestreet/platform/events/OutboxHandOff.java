package com.twelvestreet.platform.events;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;

/**
 * Moves every call of {@link OutboxRelay#relay} off the committing thread onto one sender thread,
 * in the order the commits happened, and outside Spring Modulith's completion tracking (this
 * advisor runs first). The tracking writes to the publication registry before the relay runs; on
 * the committing thread, which still holds its pool connection after the commit, that write would
 * need a second connection, and under load every thread would wait for one. Unlike {@code @Async},
 * the sender thread does not wait for Kafka's acknowledgement.
 */
public class OutboxHandOff extends AbstractPointcutAdvisor implements MethodInterceptor, DisposableBean {

    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "outbox-sender");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxHandOff() {
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public Object invoke(MethodInvocation invocation) {
        return CompletableFuture.supplyAsync(() -> proceed(invocation), sender).thenCompose(Function.identity());
    }

    private static CompletableFuture<?> proceed(MethodInvocation invocation) {
        try {
            return (CompletableFuture<?>) invocation.proceed();
        }
        catch (Throwable ex) {
            throw new CompletionException(ex);
        }
    }

    @Override
    public Pointcut getPointcut() {
        return new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return OutboxRelay.class.isAssignableFrom(targetClass) && method.getName().equals("relay");
            }
        };
    }

    @Override
    public Advice getAdvice() {
        return this;
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }
}
