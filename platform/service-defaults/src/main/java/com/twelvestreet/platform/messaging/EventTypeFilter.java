package com.twelvestreet.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.listener.adapter.RecordFilterStrategy;

import com.twelvestreet.platform.events.EventEnvelope;
import com.twelvestreet.platform.events.OutboxRelay;

/**
 * A listener's filter ({@code @KafkaListener(filter = ...)}) for a topic that carries more event types than it
 * takes: records whose {@code eventType} header (set by {@link OutboxRelay}) names another type are skipped before
 * any transaction, parsing or inbox row, and their offsets are committed with the rest. A record without the
 * header reaches the listener, which reads the type from the envelope (and sends what it cannot read to the DLT).
 */
public final class EventTypeFilter implements RecordFilterStrategy<String, String> {

    private final Set<String> taken;

    private EventTypeFilter(Set<String> taken) {
        this.taken = taken;
    }

    /** The events the listener takes, named as {@link EventEnvelope} names them (the payload's simple class name). */
    public static EventTypeFilter taking(Class<?>... events) {
        return new EventTypeFilter(Arrays.stream(events).map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet()));
    }

    /** True: the listener does not take this record. */
    @Override
    public boolean filter(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(OutboxRelay.EVENT_TYPE_HEADER);
        return type != null && !taken.contains(new String(type.value(), StandardCharsets.UTF_8));
    }
}
