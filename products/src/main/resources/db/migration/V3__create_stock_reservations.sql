-- What each order took from stock, so a cancel gives back exactly that, once.
create table stock_reservations (
    order_id   uuid        primary key,
    status     varchar(10) not null check (status in ('RESERVED', 'REJECTED', 'RELEASED')),
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create table stock_reservation_lines (
    order_id   uuid    not null references stock_reservations (order_id) on delete cascade,
    product_id bigint  not null,
    quantity   integer not null check (quantity > 0),
    primary key (order_id, product_id)
);

-- Events already handled, recorded in the same transaction as their effect (idempotent consumers).
create table processed_events (
    event_id     uuid        primary key,
    processed_at timestamptz not null
);
