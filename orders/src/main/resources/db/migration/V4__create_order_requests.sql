-- Idempotency keys of POST /api/orders: a request retried with the same key (after a timeout, a
-- lost response) answers the order it created the first time instead of creating a second one.
-- The fingerprint (SHA-256 of products, quantities and address) tells a retry from a key reused
-- for a different order.
create table order_requests (
    customer_id     varchar(64) not null,
    idempotency_key varchar(64) not null,
    fingerprint     char(64)    not null,
    order_id        uuid        not null references orders (id) on delete cascade,
    created_at      timestamptz not null,
    primary key (customer_id, idempotency_key)
);
