-- The read side (CQRS): built only from the events on shop.orders, never from another service's tables.
create table my_orders (
    order_id     uuid        primary key,
    customer_id  varchar(64) not null,
    status       varchar(12) not null,
    total_amount bigint      not null,
    placed_at    timestamptz not null,
    updated_at   timestamptz not null
);
create index my_orders_customer_idx on my_orders (customer_id, placed_at desc);

create table my_order_items (
    order_id     uuid         not null references my_orders (order_id) on delete cascade,
    position     integer      not null,
    product_id   bigint       not null,
    product_name varchar(100),
    unit_price   bigint       not null,
    quantity     integer      not null,
    primary key (order_id, position)
);

create table my_order_timeline (
    order_id   uuid        not null references my_orders (order_id) on delete cascade,
    status     varchar(12) not null,
    changed_at timestamptz not null,
    primary key (order_id, status)
);

-- Mileage as a ledger: one EARNED entry per confirmed order and at most one REVERSED entry
-- against it; the unique key makes a double credit or a double reversal impossible.
create table mileage_entries (
    id          bigserial   primary key,
    customer_id varchar(64) not null,
    order_id    uuid        not null,
    kind        varchar(8)  not null check (kind in ('EARNED', 'REVERSED')),
    amount      bigint      not null,
    created_at  timestamptz not null,
    unique (order_id, kind)
);
create index mileage_entries_customer_idx on mileage_entries (customer_id, created_at desc);

-- Idempotent consumers: ids of the events already applied, written with their effect.
create table processed_events (
    event_id     uuid        primary key,
    processed_at timestamptz not null
);
