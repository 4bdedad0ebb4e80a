-- Since the outbox deletes a publication once Kafka has acknowledged it (spring.modulith.events.completion-mode),
-- the publications completed before that are removed once here.
delete from event_publication where completion_date is not null;
