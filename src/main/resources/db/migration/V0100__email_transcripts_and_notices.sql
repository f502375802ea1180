-- Transcripts for contacts and notices for agents go through the same durable outbox as replies (ADR 0031). A reply
-- is rendered when it is sent, from its conversation message; a transcript or a notice is rendered when it is queued,
-- so the row carries its recipient, subject and text.
alter table email_outbox alter column conversation_message_id drop not null;
alter table email_outbox alter column conversation_id drop not null;
alter table email_outbox alter column seq drop not null;
alter table email_outbox add column kind text not null default 'reply'
    check (kind in ('reply', 'transcript', 'notice'));
alter table email_outbox add column recipient text check (char_length(recipient) <= 254);
alter table email_outbox add column recipient_name text check (char_length(recipient_name) <= 200);
alter table email_outbox add column subject text check (char_length(subject) <= 998);
alter table email_outbox add column body text;
alter table email_outbox add column language text check (language in ('en', 'fa', 'ar', 'tr', 'bg'));
alter table email_outbox add constraint email_outbox_kind_shape check (
    (kind = 'reply' and conversation_message_id is not null and conversation_id is not null and seq is not null)
    or (kind <> 'reply' and recipient is not null and subject is not null and body is not null and language is not null));

create index email_outbox_transcript_idx on email_outbox (conversation_id, created_at) where kind = 'transcript';

-- Senders whose latest mail was automatic or bulk (Auto-Submitted, Precedence: bulk/junk/list, List-Id, bounces).
-- No automatic mail of ours goes to them (RFC 3834 section 2) until they write as a person again.
create table email_auto_sender (
    account_id bigint      not null references account (id) on delete cascade,
    address    text        not null check (address = lower(address) and char_length(address) <= 254),
    last_at    timestamptz not null,
    primary key (account_id, address)
);

-- Per inbox (a mailbox or a website inbox): mail the contact a transcript when the conversation is resolved.
create table email_transcript_setting (
    inbox_id   bigint primary key references inbox (id) on delete cascade,
    account_id bigint  not null references account (id) on delete cascade,
    on_resolve boolean not null
);

-- Per agent and account: which notices they get by mail. No row: none. digest_day is the account-local day of the
-- latest digest, so each day has at most one even with several nodes.
create table email_agent_notice (
    account_id bigint  not null references account (id) on delete cascade,
    agent_id   bigint  not null references agent (id) on delete cascade,
    assigned   boolean not null default false,
    mentions   boolean not null default false,
    digest     boolean not null default false,
    digest_day date,
    primary key (account_id, agent_id)
);
