package com.twelvestreet.platform.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link Inbox} for batch listeners ({@code @KafkaListener(batch = "true")}): all records of a poll applied in
 * one transaction, so a consumer that has fallen behind catches up with one commit per poll instead of one per
 * event. If any record fails, that transaction rolls back and the records are applied again one transaction each
 * (the inbox skips nothing twice and nothing is applied twice); the first failing record is reported by its index,
 * so the container keeps the records before it, retries from it and sends it to the dead-letter topic after the
 * retries, exactly as a record listener would.
 */
public class BatchInbox {

    private final Inbox inbox;
    private final TransactionTemplate transaction;

    public BatchInbox(Inbox inbox, PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.transaction = new TransactionTemplate(transactions);
    }

    public void receive(List<ConsumerRecord<String, String>> records, Consumer<IncomingEvent> apply) {
        try {
            transaction.executeWithoutResult(status -> records.forEach(record -> receive(record, apply)));
        }
        catch (RuntimeException batchFailed) {
            for (int index = 0; index < records.size(); index++) {
                ConsumerRecord<String, String> record = records.get(index);
                try {
                    transaction.executeWithoutResult(status -> receive(record, apply));
                }
                catch (RuntimeException failed) {
                    throw new BatchListenerFailedException("record " + index + " of the poll failed", failed, index);
                }
            }
        }
    }

    private void receive(ConsumerRecord<String, String> record, Consumer<IncomingEvent> apply) {
        inbox.receive(record.value()).ifPresent(apply);
    }
}
