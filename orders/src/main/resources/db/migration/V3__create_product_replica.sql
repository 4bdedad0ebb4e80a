-- The orders service's copy of the catalogue, kept current from ProductChanged events: prices
-- an order when the products service cannot answer. Only a newer productVersion replaces a row.
create table product_replica (
    id         bigint       primary key,
    version    bigint       not null,
    name       varchar(100) not null,
    price      bigint       not null,
    stock      integer      not null,
    deleted    boolean      not null,
    updated_at timestamptz  not null
);

-- Idempotent consumers: ids of the events already applied, written with their effect.
create table processed_events (
    event_id     uuid        primary key,
    processed_at timestamptz not null
);
