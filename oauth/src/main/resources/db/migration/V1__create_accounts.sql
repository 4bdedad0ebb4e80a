create table accounts (
    id             uuid         primary key,
    email          varchar(254) not null,
    password_hash  varchar(200) not null,
    nickname       varchar(40)  not null,
    postal_code    varchar(10),
    address_line   varchar(200),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0
);
-- emails are stored normalised (trimmed, lower case); this index makes them unique
create unique index accounts_email_key on accounts (email);

create table account_roles (
    account_id uuid        not null references accounts (id) on delete cascade,
    role       varchar(20) not null check (role in ('CUSTOMER', 'ADMIN')),
    primary key (account_id, role)
);

-- failed logins per attempted email, whether or not an account exists (no account enumeration)
create table login_throttle (
    email        varchar(254) primary key,
    failures     integer      not null,
    locked_until timestamptz
);
