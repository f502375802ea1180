-- Purchases attributed to the chat before them (ADR 34), and the per-account window that decides how long after a
-- chat a purchase still counts. Orders from track('purchase') may know only the visitor's key.

alter table shop_order add column visitor_key text check (char_length(visitor_key) between 8 and 64);
alter table shop_order drop constraint shop_order_check;
alter table shop_order add constraint shop_order_owner_check
    check (email is not null or customer_id is not null or visitor_key is not null);

create table shop_attribution (
    account_id      bigint         not null references account (id) on delete cascade,
    -- One attribution per order number: a repeated purchase event or push never counts twice.
    order_number    text           not null,
    conversation_id bigint         not null references conversation (id) on delete cascade,
    matched_by      text           not null check (matched_by in ('visitor', 'contact')),
    source          text           not null check (source in ('tracked', 'pushed', 'woocommerce', 'shopify')),
    total           numeric(14, 2) not null check (total >= 0),
    currency        text           not null check (currency ~ '^[A-Z]{3}$'),
    purchased_at    timestamptz    not null,
    chat_at         timestamptz    not null,
    created_at      timestamptz    not null,
    primary key (account_id, order_number)
);

create index shop_attribution_conversation_idx on shop_attribution (account_id, conversation_id);
create index shop_attribution_report_idx on shop_attribution (account_id, purchased_at);

create table shop_attribution_setting (
    account_id  bigint  primary key references account (id) on delete cascade,
    window_days integer not null check (window_days between 1 and 90)
);
