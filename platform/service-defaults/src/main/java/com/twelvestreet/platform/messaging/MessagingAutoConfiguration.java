package com.twelvestreet.platform.messaging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListenerAnnotationBeanPostProcessor;

/** Dead-letter replay for services that consume Kafka with listeners. */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaListenerAnnotationBeanPostProcessor.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(type = "org.springframework.kafka.config.KafkaListenerEndpointRegistry")
@Import(DeadLetterController.class)
public class MessagingAutoConfiguration {

    @Bean
    DeadLetterReplayer deadLetterReplayer(@Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
            @Value("${spring.application.name}") String service) {
        return new DeadLetterReplayer(bootstrapServers, service);
    }
}
