-- Every answer of the FAQ bot and what the contact made of it, for the deflection report. The conversation is
-- named by id only: the help center does not know the conversation module.
create table help_bot_answer (
    id              bigint generated always as identity primary key,
    account_id      bigint      not null references account (id) on delete cascade,
    conversation_id bigint      not null,
    article_id      bigint references help_article (id) on delete set null,
    language        text        not null check (language in ('en', 'fa', 'ar', 'tr', 'bg')),
    confidence      real        not null check (confidence between 0 and 1),
    outcome         text        not null check (outcome in ('answered', 'accepted', 'escalated')),
    answered_at     timestamptz not null,
    decided_at      timestamptz
);

create index help_bot_answer_conversation_idx on help_bot_answer (account_id, conversation_id, id desc);
create index help_bot_answer_report_idx on help_bot_answer (account_id, answered_at);
