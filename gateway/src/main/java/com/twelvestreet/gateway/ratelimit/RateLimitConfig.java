package com.twelvestreet.gateway.ratelimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** The budgets on Spring Cloud Gateway's Redis rate limiter, and the filters that spend them. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    private static final String TOKEN_BUCKET_SCRIPT = "META-INF/scripts/request_rate_limiter.lua";

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

    /**
     * Spring Cloud Gateway's own limiter and token-bucket script, with the script read once. The script bean it
     * makes by default checks the script file's modification time inside its jar before every call: 11 % of the
     * gateway's CPU under load (JFR, docs/benchmarks.md).
     */
    @Bean
    RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis, ConfigurationService configuration) throws IOException {
        String script = new ClassPathResource(TOKEN_BUCKET_SCRIPT).getContentAsString(StandardCharsets.UTF_8);
        @SuppressWarnings({ "unchecked", "rawtypes" })
        RedisScript<List<Long>> tokenBucket = (RedisScript) RedisScript.of(script, List.class);
        return new RedisRateLimiter(redis, tokenBucket, configuration);
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
