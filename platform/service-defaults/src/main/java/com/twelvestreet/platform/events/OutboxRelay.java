package com.twelvestreet.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The outbox's relay to Kafka. Spring Modulith stores every {@link EventEnvelope} in the publication
 * registry within the transaction that produced it and calls this listener after the commit (again
 * after a crash or a failed send); the publication counts as completed once the returned future
 * completes, i.e. when Kafka has acknowledged the record.
 * <p>
 * Why not Modulith's own Kafka externalizer: it runs on an {@code @Async} executor whose thread
 * waits for each acknowledgement, so the single thread that keeps commit order sent only about
 * 50 events/s (docs/benchmarks.md). Here one thread ({@link OutboxHandOff}) hands records to the
 * producer in commit order without waiting; the idempotent producer keeps that order per partition,
 * so per aggregate, and batches what is in flight. Completions are recorded on their own threads,
 * off the producer's network thread.
 * <p>
 * An event whose send failed (Kafka down) waits in the outbox for {@link OutboxRetry}; a later event of the same
 * aggregate is held back until that one has been sent, so it cannot overtake it (products met an order's cancel
 * before its placement, and reserved stock no cancel gave back: the kafka-outage drill, docs/drills.md). An event
 * handed to the producer before the earlier one's failure is known is not held back; with the broker down it fails
 * too. Held back in memory only: after a restart Modulith resubmits what is incomplete, oldest first.
 */
public class OutboxRelay implements DisposableBean {

    public static final String EVENT_TYPE_HEADER = "eventType";

    private final KafkaOperations<String, String> kafka;
    private final JsonMapper json;
    private final String topic;
    private final ObjectProvider<Tracer> tracer;
    /** Per aggregate, the oldest event whose send failed and that has not been sent since. */
    private final Map<String, Instant> unsentSince = new ConcurrentHashMap<>();
    private final ExecutorService completions = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "outbox-completion");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(KafkaOperations<String, String> kafka, JsonMapper json, String topic, ObjectProvider<Tracer> tracer) {
        this.kafka = kafka;
        this.json = json;
        this.topic = topic;
        this.tracer = tracer;
    }

    @TransactionalEventListener
    public CompletableFuture<SendResult<String, String>> relay(EventEnvelope<?> envelope) {
        Instant unsent = unsentSince.get(envelope.aggregateId());
        if (unsent != null && envelope.occurredAt().isAfter(unsent)) {
            // an earlier event of this aggregate waits for the retry: sending this one now would overtake it
            // (a cancel before its order's placement); it stays in the outbox and is retried after the earlier one
            return CompletableFuture.failedFuture(new IllegalStateException("Held back: an earlier event of aggregate "
                    + envelope.aggregateId() + " has not reached Kafka yet"));
        }
        CompletableFuture<SendResult<String, String>> sending;
        try {
            sending = send(envelope);
        }
        catch (RuntimeException ex) { // the producer gave up waiting for the broker's metadata
            sending = CompletableFuture.failedFuture(ex);
        }
        return sending.whenComplete((sent, failure) -> {
            if (failure == null) {
                // the oldest unsent one (or an older event) has gone: the aggregate's later events may follow
                unsentSince.computeIfPresent(envelope.aggregateId(),
                        (aggregate, since) -> since.isAfter(envelope.occurredAt()) ? since : null);
            }
            else {
                unsentSince.merge(envelope.aggregateId(), envelope.occurredAt(),
                        (earlier, later) -> earlier.isBefore(later) ? earlier : later);
            }
        });
    }

    private CompletableFuture<SendResult<String, String>> send(EventEnvelope<?> envelope) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, envelope.aggregateId(),
                json.writeValueAsString(envelope));
        record.headers().add(EVENT_TYPE_HEADER, envelope.eventType().getBytes(StandardCharsets.UTF_8));
        // the send is observed in the trace of the work that published the event, so Kafka's traceparent header
        // carries it on to the consumers
        Tracer current = tracer.getIfAvailable(() -> Tracer.NOOP);
        TraceContext published = TraceParent.parse(current, envelope.traceparent());
        if (published == null) {
            return send(record);
        }
        try (CurrentTraceContext.Scope scope = current.currentTraceContext().newScope(published)) {
            return send(record);
        }
    }

    private CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
        return kafka.send(record).thenApplyAsync(Function.identity(), completions);
    }

    @Override
    public void destroy() {
        completions.shutdown();
    }
}
