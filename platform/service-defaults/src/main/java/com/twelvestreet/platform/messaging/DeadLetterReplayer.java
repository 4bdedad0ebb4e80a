package com.twelvestreet.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.KafkaHeaders;

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
        checkName(topic);
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

    /**
     * What a replay of {@code topic} would send back now: how many dead letters wait on {@code <topic>.DLT} past this
     * service's replay position, and the first {@code limit} of them with the failure their headers carry. Reads
     * only; the replay position does not move.
     */
    public Waiting waiting(String topic, int limit) {
        checkName(topic);
        String deadLetterTopic = topic + DLT_SUFFIX;
        try (Consumer<byte[], byte[]> deadLetters = consumer()) {
            List<TopicPartition> partitions = deadLetters.partitionsFor(deadLetterTopic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                return new Waiting(topic, deadLetterTopic, 0, List.of()); // nothing was ever dead-lettered
            }
            deadLetters.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> replayed = deadLetters.committed(Set.copyOf(partitions), Duration.ofSeconds(5));
            Map<TopicPartition, Long> first = deadLetters.beginningOffsets(partitions, Duration.ofSeconds(5));
            Map<TopicPartition, Long> end = deadLetters.endOffsets(partitions, Duration.ofSeconds(5));
            long waiting = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata position = replayed.get(partition);
                long from = Math.max(first.get(partition), position == null ? 0 : position.offset());
                waiting += Math.max(0, end.get(partition) - from);
                deadLetters.seek(partition, from);
            }
            List<DeadLetter> shown = new ArrayList<>();
            while (shown.size() < Math.min(limit, waiting)) {
                ConsumerRecords<byte[], byte[]> batch = deadLetters.poll(Duration.ofMillis(500));
                if (batch.isEmpty()) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    if (shown.size() < limit) {
                        shown.add(DeadLetter.of(record));
                    }
                }
            }
            return new Waiting(topic, deadLetterTopic, waiting, shown);
        }
    }

    /** Dead letters waiting for a replay of {@code topic}, a few of them shown. */
    public record Waiting(String topic, String deadLetterTopic, long waiting, List<DeadLetter> shown) {
    }

    /** One dead letter: its key, which consumer group gave up on it and why, and when it was dead-lettered. */
    public record DeadLetter(String key, String failedIn, String error, Instant deadLetteredAt) {

        private static final int MAX_ERROR = 300;

        static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
            String error = header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
            return new DeadLetter(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                    header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                    error != null && error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) + "…" : error,
                    Instant.ofEpochMilli(record.timestamp()));
        }

        private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }

    private static void checkName(String topic) {
        if (topic.endsWith(DLT_SUFFIX) || !topic.matches("[a-zA-Z0-9._-]+")) {
            throw new IllegalArgumentException("Name the original topic, e.g. shop.orders");
        }
    }

    private Consumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, service + "-dead-letter-replay",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // looking must not create a dead-letter topic that nothing was ever sent to
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
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
