package com.twelvestreet.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends dead letters back to the topic they came from, once the cause of their failure is fixed.
 * Progress is the committed offset of a consumer group of its own, so each dead letter is replayed
 * once; bytes, key and headers are kept as they were.
 */
public class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final String DLT_SUFFIX = ".DLT";

    private final String bootstrapServers;
    private final String service;

    public DeadLetterReplayer(String bootstrapServers, String service) {
        this.bootstrapServers = bootstrapServers;
        this.service = service;
    }

    /** Replays what is on {@code <topic>.DLT} now and returns how many messages went back to {@code topic}. */
    public int replay(String topic) {
        if (topic.endsWith(DLT_SUFFIX) || !topic.matches("[a-zA-Z0-9._-]+")) {
            throw new IllegalArgumentException("Name the original topic, e.g. shop.orders");
        }
        int replayed = 0;
        try (Consumer<byte[], byte[]> deadLetters = consumer(); Producer<byte[], byte[]> producer = producer()) {
            deadLetters.subscribe(List.of(topic + DLT_SUFFIX));
            ConsumerRecords<byte[], byte[]> batch = deadLetters.poll(Duration.ofSeconds(5));
            while (!batch.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers()));
                    replayed++;
                }
                producer.flush();
                deadLetters.commitSync();
                batch = deadLetters.poll(Duration.ofSeconds(1));
            }
        }
        log.info("Replayed {} dead letters from {}{} to {}", replayed, topic, DLT_SUFFIX, topic);
        return replayed;
    }

    private Consumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, service + "-dead-letter-replay",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Producer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000),
                new ByteArraySerializer(), new ByteArraySerializer());
    }
}
