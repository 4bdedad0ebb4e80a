package com.twelvestreet.platform.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.twelvestreet.platform.events.OutboxBacklog;

/**
 * The operator's view of a service's events (ADMIN tokens only, each service's security configuration):
 * {@code GET /api/admin/events}, its outbox backlog and, per topic it consumes, the dead letters waiting for a replay
 * with the error that sent each there; {@code POST /api/admin/dead-letters/{topic}/replay} sends them back.
 */
@RestController
class DeadLetterController {

    private static final int SHOWN = 10;

    private final DeadLetterReplayer replayer;
    private final ConsumedTopics consumed;
    private final ObjectProvider<OutboxBacklog> outbox;
    private final String service;

    DeadLetterController(DeadLetterReplayer replayer, ConsumedTopics consumed, ObjectProvider<OutboxBacklog> outbox,
            @Value("${spring.application.name:service}") String service) {
        this.replayer = replayer;
        this.consumed = consumed;
        this.outbox = outbox;
        this.service = service;
    }

    @GetMapping("/api/admin/events")
    EventsView events() {
        OutboxBacklog backlog = outbox.getIfAvailable();
        return new EventsView(service, backlog == null ? null : backlog.count(),
                kafka(() -> consumed.all().stream().map(topic -> replayer.waiting(topic, SHOWN)).toList()));
    }

    @PostMapping("/api/admin/dead-letters/{topic}/replay")
    Map<String, Object> replay(@PathVariable String topic) {
        return Map.of("topic", topic, "replayed", kafka(() -> replayer.replay(topic)));
    }

    /** A broker that does not answer is a 503 to try again, not a 500. */
    private static <T> T kafka(Supplier<T> call) {
        try {
            return call.get();
        }
        catch (KafkaException ex) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not answer; try again shortly.", ex);
        }
    }

    /** {@code outboxBacklog}: absent for a service that publishes no events (mypage). */
    record EventsView(String service, @Nullable Long outboxBacklog, List<DeadLetterReplayer.Waiting> deadLetters) {
    }
}
