-- Accounts are tenants: a shop, or a marketplace operator. An agent is a person who signs in; a membership gives
-- that person a role in one account. Emails are stored lower-cased, so uniqueness needs no extension.

create table account (
    id               bigint generated always as identity primary key,
    name             text        not null check (char_length(name) between 1 and 120),
    kind             text        not null default 'shop' check (kind in ('shop', 'marketplace')),
    timezone         text        not null default 'UTC',
    default_language text        not null default 'en' check (default_language in ('en', 'fa', 'ar', 'tr', 'bg')),
    created_at       timestamptz not null
);

create table agent (
    id                     bigint generated always as identity primary key,
    email                  text        not null unique check (email = lower(email) and char_length(email) <= 254),
    display_name           text        not null check (char_length(display_name) between 1 and 80),
    password_hash          text        not null,
    language               text check (language in ('en', 'fa', 'ar', 'tr', 'bg')),
    calendar               text        not null default 'gregorian' check (calendar in ('gregorian', 'solar_hijri')),
    digits                 text        not null default 'latin' check (digits in ('latin', 'native')),
    credentials_changed_at timestamptz not null,
    created_at             timestamptz not null
);

create table membership (
    account_id      bigint      not null references account (id) on delete cascade,
    agent_id        bigint      not null references agent (id) on delete cascade,
    role            text        not null check (role in ('owner', 'admin', 'agent')),
    enabled         boolean     not null default true,
    created_at      timestamptz not null,
    last_sign_in_at timestamptz,
    primary key (account_id, agent_id)
);

create index membership_agent_idx on membership (agent_id);

create table invitation (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    email       text        not null check (email = lower(email)),
    role        text        not null check (role in ('admin', 'agent')),
    -- Only a SHA-256 of the token is kept: a database dump must not hand out working links.
    token_hash  bytea       not null unique,
    invited_by  bigint      not null references agent (id),
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    accepted_by bigint references agent (id),
    revoked_at  timestamptz
);

create index invitation_account_idx on invitation (account_id, created_at desc);

-- Failed sign-ins per typed email and per client address, so throttling holds across nodes and restarts.
create table sign_in_throttle (
    key              text primary key,
    failures         integer     not null,
    first_failure_at timestamptz not null,
    locked_until     timestamptz
);
