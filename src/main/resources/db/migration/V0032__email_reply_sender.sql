-- Which mailbox mails an agent's replies for an inbox of another channel (a website inbox) while the contact is away
-- (ADR 0028). No row: replies in that inbox are never mailed.
create table email_reply_sender (
    inbox_id         bigint primary key references inbox (id) on delete cascade,
    account_id       bigint not null references account (id) on delete cascade,
    mailbox_inbox_id bigint not null references email_mailbox (inbox_id) on delete cascade
);

create index email_reply_sender_mailbox_idx on email_reply_sender (mailbox_inbox_id);
