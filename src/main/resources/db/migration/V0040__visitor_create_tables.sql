-- Visitors tracked on the shop's pages and their page views and commerce events. Events arrive in batches from
-- the loader and are written in batches; the live state of who is on the site now is kept in memory.

create table visitor (
    account_id    bigint      not null references account (id) on delete cascade,
    -- Random key the loader keeps in the visitor's browser; not a secret, never grants access to a conversation.
    visitor_key   text        not null check (char_length(visitor_key) between 8 and 64),
    inbox_id      bigint      not null,
    -- The marketplace seller named on the page (data-seller or track props); its meaning belongs to the shop module.
    seller        text,
    -- Truncated before storing: IPv4 /24, IPv6 /48.
    ip_prefix     text,
    language      text,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    primary key (account_id, visitor_key)
);

create table visitor_event (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    visitor_key text        not null,
    type        text        not null,
    name        text,
    url         text,
    props       jsonb       not null default '{}',
    occurred_at timestamptz not null
);

create index visitor_event_visitor_idx on visitor_event (account_id, visitor_key, occurred_at);
