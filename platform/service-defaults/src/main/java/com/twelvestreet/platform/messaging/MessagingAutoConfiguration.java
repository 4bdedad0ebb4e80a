package com.twelvestreet.platform.messaging;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListenerAnnotationBeanPostProcessor;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.resilience.UnavailableDependency;
import com.twelvestreet.platform.retention.RetentionRule;

/**
 * Dead letters for services that consume Kafka with listeners: a message that fails is retried
 * with backoff ({@code twelvestreet.messaging.max-attempts}), then published unchanged (bytes, key,
 * headers plus the failure) to {@code <topic>.DLT}, and the replay endpoint sends it back later. A message that
 * fails because the database is away is retried until it is back instead ({@link UnavailableDependency}).
 * Services with a database also get the {@link Inbox} for idempotent listeners.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration" })
@ConditionalOnClass(KafkaListenerAnnotationBeanPostProcessor.class)
@ConditionalOnBean(type = "org.springframework.kafka.config.KafkaListenerEndpointRegistry")
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaProperties kafka,
            @Value("${twelvestreet.messaging.max-attempts:3}") int maxAttempts,
            @Value("${twelvestreet.messaging.unavailable-retry-max-interval:10s}") Duration unavailableMaxInterval,
            ObjectProvider<MeterRegistry> meters, DeadLetterCounter deadLettersSent) {
        Map<String, Object> producer = kafka.buildProducerProperties();
        // 12 Street listeners read keys and values as strings (JSON is parsed in the listener), so
        // the failed record goes out exactly as it came in
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        KafkaTemplate<String, String> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(maxAttempts - 1);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
            recoverer.accept(record, ex);
            deadLettersSent.sent(record.topic());
        }, backOff);
        // a database that is away is no reason to give an event up: the partition waits (its order kept) and the
        // event is tried again, without end, until the database is back; the dead-letter topic is for events that
        // can never be handled
        ExponentialBackOff untilAvailable = new ExponentialBackOff(500, 2.0);
        untilAvailable.setMaxInterval(unavailableMaxInterval.toMillis());
        handler.setBackOffFunction((record, ex) -> UnavailableDependency.isCause(ex) ? untilAvailable : null);
        handler.setRetryListeners(new RedeliveryCounter(meters.getIfAvailable(SimpleMeterRegistry::new)));
        return handler;
    }

    @Bean
    ConsumedTopics consumedTopics(ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return new ConsumedTopics(listeners);
    }

    @Bean
    DeadLetterCounter deadLetterCounter(ObjectProvider<MeterRegistry> meters, ConsumedTopics consumed) {
        return new DeadLetterCounter(meters.getIfAvailable(SimpleMeterRegistry::new), consumed);
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(@Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
            @Value("${spring.application.name:service}") String service) {
        return new DeadLetterReplayer(bootstrapServers, service);
    }

    @Bean
    @ConditionalOnClass(JdbcClient.class)
    @ConditionalOnBean(JdbcClient.class)
    ProcessedEvents processedEvents(JdbcClient jdbc) {
        return new ProcessedEvents(jdbc);
    }

    /**
     * A handled event's id is kept while Kafka may still hold the event: 7 days of topic retention plus up to
     * a day until its segment rolls (docs/retention.md), and a day to spare.
     */
    @Bean
    @ConditionalOnBean(ProcessedEvents.class)
    RetentionRule processedEventsRetention(@Value("${twelvestreet.retention.processed-events}") Duration keep) {
        return RetentionRule.olderThan("processed_events", "processed_at", keep);
    }

    @Bean
    @ConditionalOnBean(ProcessedEvents.class)
    Inbox inbox(JsonMapper json, ProcessedEvents processed) {
        return new Inbox(json, processed);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(DeadLetterController.class)
    static class ReplayEndpoint {
    }
}
