-- The FAQ bot per website inbox (ADR 0023): off until an admin opts in, and the least confidence, in percent of the
-- question's words an article covers (ADR 0022), at which it answers.
create table livechat_bot (
    inbox_id   bigint   primary key references livechat_inbox (inbox_id) on delete cascade,
    account_id bigint   not null references account (id) on delete cascade,
    enabled    boolean  not null default false,
    threshold  smallint not null default 60 check (threshold between 1 and 100)
);
