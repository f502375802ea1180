-- Conversations and their messages, channel-agnostic: inbox_id names the channel's inbox without knowing its kind.
-- Every stored change to a conversation takes the next number of its sequence (last_seq), so clients can resume.

create table conversation (
    id               bigint generated always as identity primary key,
    account_id       bigint      not null references account (id) on delete cascade,
    inbox_id         bigint      not null,
    contact_id       bigint      not null references contact (id),
    status           text        not null check (status in ('open', 'resolved')),
    assignee_id      bigint references agent (id) on delete set null,
    last_seq         bigint      not null default 0,
    visitor_seen_seq bigint      not null default 0,
    agent_seen_seq   bigint      not null default 0,
    rating           smallint check (rating between 1 and 5),
    rating_comment   text check (char_length(rating_comment) <= 1000),
    last_preview     text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
)
-- Every message updates its conversation's row (sequence, preview, time). No index covers those columns and pages
-- keep room, so the updates are HOT: no new index entries, and old versions are pruned in place. An index on
-- updated_at made each message add index entries and slowed the row's lookups as dead versions piled up.
with (fillfactor = 50);

create index conversation_account_idx on conversation (account_id, status);
-- The one thread with a contact on one inbox (see the glossary): resolving ends a cycle, a new message reopens it.
create unique index conversation_contact_idx on conversation (inbox_id, contact_id);

create table attachment (
    id              bigint generated always as identity primary key,
    account_id      bigint      not null references account (id) on delete cascade,
    conversation_id bigint      not null references conversation (id) on delete cascade,
    -- The name as uploaded, for display only; the file is stored under storage_key, which the server makes.
    file_name       text        not null check (char_length(file_name) between 1 and 255),
    content_type    text        not null,
    size_bytes      bigint      not null,
    storage_key     text        not null unique,
    created_at      timestamptz not null
);

create table message (
    id              bigint generated always as identity primary key,
    account_id      bigint      not null,
    conversation_id bigint      not null references conversation (id) on delete cascade,
    seq             bigint      not null,
    kind            text        not null check (kind in ('text', 'attachment', 'activity')),
    author          text        not null check (author in ('visitor', 'agent', 'system')),
    agent_id        bigint references agent (id) on delete set null,
    body            text check (char_length(body) <= 10000),
    activity        text check (activity in ('resolved', 'reopened', 'claimed', 'rated')),
    client_id       text check (char_length(client_id) <= 64),
    -- For a 'rated' activity: the visitor's 1-5 score; body holds the comment.
    rating          smallint check (rating between 1 and 5),
    attachment_id   bigint references attachment (id),
    -- The conversation's status right after this message, so a catch-up replays status changes too.
    status_after    text        not null check (status_after in ('open', 'resolved')),
    created_at      timestamptz not null,
    unique (conversation_id, seq),
    unique (conversation_id, client_id)
);
