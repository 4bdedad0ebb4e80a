create table deliveries (
    id             uuid         primary key,
    order_id       uuid         not null unique,
    customer_id    varchar(64)  not null,
    status         varchar(12)  not null
        check (status in ('READY', 'SHIPPING', 'DELIVERED', 'CANCELLED', 'FAILED')),
    -- when the simulated courier takes the next step (pick-up or hand-over); null once final
    next_step_at   timestamptz,
    failure_reason varchar(200),
    created_at     timestamptz  not null,
    started_at     timestamptz,
    completed_at   timestamptz,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0
);
create index deliveries_customer_idx on deliveries (customer_id, created_at desc);
create index deliveries_due_idx on deliveries (next_step_at) where next_step_at is not null;

-- Idempotent consumers: ids of the events already applied, written with their effect.
create table processed_events (
    event_id     uuid        primary key,
    processed_at timestamptz not null
);
