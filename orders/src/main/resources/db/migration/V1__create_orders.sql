create table orders (
    id                   uuid         primary key,
    customer_id          varchar(64)  not null,
    status               varchar(12)  not null
        check (status in ('PENDING', 'CONFIRMED', 'REJECTED', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    recipient            varchar(60),
    postal_code          varchar(10),
    address_line         varchar(200),
    total_amount         bigint       not null check (total_amount > 0),
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null default 0
);
create index orders_customer_idx on orders (customer_id, created_at desc);
create index orders_status_idx on orders (status, updated_at);

create table order_items (
    order_id     uuid         not null references orders (id) on delete cascade,
    position     integer      not null,
    product_id   bigint       not null,
    product_name varchar(100) not null,
    unit_price   bigint       not null check (unit_price > 0),
    quantity     integer      not null check (quantity > 0),
    primary key (order_id, position)
);

create table order_status_changes (
    order_id   uuid        not null references orders (id) on delete cascade,
    position   integer     not null,
    status     varchar(12) not null,
    changed_at timestamptz not null,
    primary key (order_id, position)
);
