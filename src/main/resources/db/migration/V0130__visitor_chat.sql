-- Which tracked visitor wrote in which conversation, and where on the shop's site that chat started (ADR 34): the
-- page, the product last viewed, the checkout step and the cart at the visitor's first message. The sidebar shows it,
-- and purchases are attributed to the chat through it.

create table visitor_chat (
    account_id        bigint      not null references account (id) on delete cascade,
    conversation_id   bigint      not null references conversation (id) on delete cascade,
    visitor_key       text        not null check (char_length(visitor_key) between 8 and 64),
    -- The contact at the time of the chat; a verified identity later moves the conversation, not this row.
    contact_id        bigint references contact (id) on delete set null,
    started_at        timestamptz not null,
    -- Moves forward with every later chat of the same visitor in the conversation: the attribution window runs
    -- from the last chat, not only from the first.
    last_chat_at      timestamptz not null,
    start_url         text,
    start_title       text,
    start_product     text,
    start_step        text,
    start_cart_total  numeric(14, 2),
    start_cart_currency text,
    start_cart_items  integer,
    primary key (conversation_id, visitor_key)
);

create index visitor_chat_visitor_idx on visitor_chat (account_id, visitor_key, last_chat_at);
create index visitor_chat_contact_idx on visitor_chat (account_id, contact_id, last_chat_at) where contact_id is not null;
