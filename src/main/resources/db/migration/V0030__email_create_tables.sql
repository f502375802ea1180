-- The email channel. A mailbox is an inbox of the registry (channel 'email') with its servers beside it; passwords
-- are stored encrypted (AES-GCM, ADR 0025), never in clear.

create table email_mailbox (
    inbox_id          bigint primary key references inbox (id) on delete cascade,
    account_id        bigint      not null references account (id) on delete cascade,
    address           text        not null check (address = lower(address) and char_length(address) <= 254),
    imap_host         text        not null check (char_length(imap_host) <= 253),
    imap_port         integer     not null check (imap_port between 1 and 65535),
    imap_security     text        not null check (imap_security in ('tls', 'starttls', 'none')),
    imap_user         text        not null check (char_length(imap_user) <= 254),
    imap_password     bytea,
    smtp_host         text        not null check (char_length(smtp_host) <= 253),
    smtp_port         integer     not null check (smtp_port between 1 and 65535),
    smtp_security     text        not null check (smtp_security in ('tls', 'starttls', 'none')),
    smtp_user         text        not null check (char_length(smtp_user) <= 254),
    smtp_password     bytea,
    signature         text        not null default '' check (char_length(signature) <= 2000),
    enabled           boolean     not null default true,
    -- Where fetching stands: a new UIDVALIDITY means the server renumbered the folder, so fetching starts over and
    -- the Message-ID constraint below keeps what was already taken from being taken twice.
    uid_validity      bigint,
    last_uid          bigint      not null default 0,
    last_fetch_at     timestamptz,
    last_error        text check (char_length(last_error) <= 500),
    created_at        timestamptz not null
);

create index email_mailbox_account_idx on email_mailbox (account_id);

-- Every mail in or out, once per account: the hash of its Message-ID (or of its bytes when it has none) is unique, so
-- a second fetch, a restart or the same mail in two mailboxes never makes a second message.
create table email_message (
    id                      bigint generated always as identity primary key,
    account_id              bigint      not null references account (id) on delete cascade,
    inbox_id                bigint      not null references inbox (id) on delete cascade,
    direction               text        not null check (direction in ('in', 'out')),
    message_id_hash         text        not null,
    message_id              text        not null check (char_length(message_id) <= 998),
    -- received: stored, not yet in a conversation; posted: in a conversation; ignored: an automatic mail (bounce,
    -- out-of-office); rejected: refused (unauthenticated agent address, rate limit); failed: could not be read.
    status                  text        not null check (status in ('received', 'posted', 'ignored', 'rejected', 'failed', 'sent')),
    reason                  text check (char_length(reason) <= 200),
    conversation_id         bigint,
    conversation_message_id bigint,
    from_address            text check (char_length(from_address) <= 254),
    from_name               text check (char_length(from_name) <= 200),
    subject                 text check (char_length(subject) <= 998),
    text_body               text,
    html_body               text,
    quoted_from             integer,
    raw_key                 text,
    raw_size                bigint      not null default 0,
    created_at              timestamptz not null,
    unique (account_id, message_id_hash)
);

create index email_message_conversation_idx on email_message (conversation_id, id);
create index email_message_ref_idx on email_message (conversation_message_id);
create index email_message_inbox_idx on email_message (inbox_id, id desc);

-- Attachments and inline images of an inbound mail, stored under a key the server makes.
create table email_part (
    id               bigint generated always as identity primary key,
    account_id       bigint      not null references account (id) on delete cascade,
    email_message_id bigint      not null references email_message (id) on delete cascade,
    file_name        text        not null check (char_length(file_name) between 1 and 255),
    content_type     text        not null check (char_length(content_type) <= 200),
    content_id       text check (char_length(content_id) <= 998),
    inline           boolean     not null,
    size_bytes       bigint      not null,
    storage_key      text        not null unique
);

create index email_part_message_idx on email_part (email_message_id);

-- Agents' replies waiting for SMTP. A row is written in the same transaction as the agent's message, and a worker
-- sends it with `for update skip locked` (ADR 0026): nothing is lost on restart, and the stable Message-ID lets the
-- receiving side drop a copy sent twice after a crash between SMTP's answer and our commit.
create table email_outbox (
    id                      bigint generated always as identity primary key,
    account_id              bigint      not null references account (id) on delete cascade,
    inbox_id                bigint      not null references inbox (id) on delete cascade,
    conversation_id         bigint      not null,
    conversation_message_id bigint      not null unique,
    seq                     bigint      not null,
    agent_id                bigint,
    message_id              text        not null unique,
    status                  text        not null check (status in ('queued', 'sent', 'failed')),
    attempts                integer     not null default 0,
    next_attempt_at         timestamptz not null,
    last_error              text check (char_length(last_error) <= 500),
    created_at              timestamptz not null,
    sent_at                 timestamptz
);

create index email_outbox_due_idx on email_outbox (next_attempt_at) where status = 'queued';
create index email_outbox_inbox_idx on email_outbox (inbox_id, id desc);

-- Inbound mails per sender and hour, for the per-sender limit (RFC 3834 section 2: stop auto-reply storms).
create table email_sender_count (
    account_id  bigint      not null references account (id) on delete cascade,
    sender      text        not null,
    hour        timestamptz not null,
    count       integer     not null,
    primary key (account_id, sender, hour)
);
