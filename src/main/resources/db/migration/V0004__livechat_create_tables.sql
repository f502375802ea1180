-- Website inboxes and the anonymous visitor sessions of their widgets.

create table inbox (
    id              bigint generated always as identity primary key,
    account_id      bigint      not null references account (id) on delete cascade,
    name            text        not null check (char_length(name) between 1 and 120),
    public_key      text        not null unique,
    -- Signs identity tokens (HMAC-SHA256); shown to owners and admins only.
    secret          text        not null,
    -- Hosts allowed to embed the widget: "shop.example", "*.shop.example", "localhost:3000".
    allowed_domains text[]      not null default '{}',
    pre_chat        boolean     not null default false,
    -- Texts per language tag, e.g. {"en": "Hi!", "fa": "سلام!"}.
    greeting        jsonb       not null default '{}',
    reply_time      jsonb       not null default '{}',
    created_at      timestamptz not null
);

create index inbox_account_idx on inbox (account_id);

create table visitor_session (
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references account (id) on delete cascade,
    inbox_id     bigint      not null references inbox (id) on delete cascade,
    -- Only a SHA-256 of the visitor token is kept.
    token_hash   bytea       not null unique,
    contact_id   bigint references contact (id) on delete set null,
    verified     boolean     not null default false,
    created_at   timestamptz not null,
    last_seen_at timestamptz not null
);

-- Accounts made before live chat existed get their default inbox here; new accounts get one at setup.
insert into inbox (account_id, name, public_key, secret, created_at)
select id,
       name,
       replace(gen_random_uuid()::text, '-', ''),
       replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''),
       now()
from account;
