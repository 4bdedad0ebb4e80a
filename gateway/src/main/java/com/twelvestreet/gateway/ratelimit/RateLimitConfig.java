package com.twelvestreet.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The budgets on Spring Cloud Gateway's Redis rate limiter, and the filters that spend them. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    @Bean
    RateLimits rateLimits(RateLimitProperties properties, RedisRateLimiter limiter, MeterRegistry meters,
            @Value("${spring.cloud.gateway.server.webflux.trusted-proxies}") String trustedProxies) {
        if (!properties.enabled()) {
            return RateLimits.NONE;
        }
        budget(limiter, RateLimitFilter.ACCOUNT, properties.account());
        budget(limiter, RateLimitFilter.ANONYMOUS, properties.anonymous());
        budget(limiter, RateLimitFilter.LOGIN, properties.login());
        // X-RateLimit-Remaining tells the filter whether Redis answered (-1: it did not); the client gets RateLimit-*
        limiter.setIncludeHeaders(true);
        ClientAddress clientAddress = new ClientAddress(trustedProxies);
        LoginPaths loginPaths = new LoginPaths();
        RedisOutage outage = new RedisOutage(meters);
        return new RateLimits(
                new RateLimitFilter(RateLimitFilter.Stage.LOGIN, limiter, properties, loginPaths, clientAddress, outage, meters),
                new RateLimitFilter(RateLimitFilter.Stage.CALLER, limiter, properties, loginPaths, clientAddress, outage, meters));
    }

    private static void budget(RedisRateLimiter limiter, String name, RateLimitProperties.Budget budget) {
        limiter.getConfig().put(name, new RedisRateLimiter.Config().setReplenishRate(budget.replenishRate())
                .setBurstCapacity(budget.burstCapacity()).setRequestedTokens(1));
    }

    /**
     * While Redis is unreachable, Lettuce would queue every command until its timeout and hold each
     * request that long; refused at once instead, the rate limiter lets the request pass and a session
     * lookup fails fast (a 503 problem).
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDown() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /** Reconnect within two seconds of Redis coming back (Lettuce's default backs off to 30 s). */
    @Bean
    ClientResourcesBuilderCustomizer reconnectSoonAfterRedisReturns() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
    }
}
