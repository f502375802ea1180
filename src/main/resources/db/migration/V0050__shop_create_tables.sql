-- The shop module: one order-lookup connection per account, orders pushed by shops without a connector, and the
-- account's API tokens for that push.

create table shop_connection (
    account_id   bigint primary key references account (id) on delete cascade,
    platform     text        not null check (platform in ('woocommerce', 'shopify')),
    base_url     text        not null check (char_length(base_url) <= 300),
    -- WooCommerce's consumer key; empty for Shopify, whose access token alone is the credential.
    api_key      text        not null default '' check (char_length(api_key) <= 200),
    -- The consumer secret or the access token, sealed with AES-256-GCM (ShopSecrets).
    secret       bytea       not null,
    updated_at   timestamptz not null
);

create table shop_order (
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references account (id) on delete cascade,
    number       text        not null check (char_length(number) between 1 and 64),
    email        text check (char_length(email) <= 254),
    customer_id  text check (char_length(customer_id) <= 200),
    placed_at    timestamptz not null,
    status       text        not null check (char_length(status) between 1 and 40),
    currency     text        not null check (currency ~ '^[A-Z]{3}$'),
    total        numeric(14, 2) not null check (total >= 0),
    items        jsonb       not null,
    tracking_url text check (char_length(tracking_url) <= 2000),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    check (email is not null or customer_id is not null)
);

-- Idempotent by order number within the account.
create unique index shop_order_number_idx on shop_order (account_id, number);
create index shop_order_email_idx on shop_order (account_id, lower(email), placed_at desc) where email is not null;
create index shop_order_customer_idx on shop_order (account_id, customer_id, placed_at desc)
    where customer_id is not null;

create table shop_api_token (
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references account (id) on delete cascade,
    name         text        not null check (char_length(name) between 1 and 80),
    -- Only the SHA-256 of the token is kept; the token itself is shown once.
    token_hash   bytea       not null unique,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create index shop_api_token_account_idx on shop_api_token (account_id);
