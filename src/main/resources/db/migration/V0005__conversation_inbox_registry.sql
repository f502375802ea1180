-- The inbox becomes the conversation module's: what every channel shares (a name, the channel's tag, who serves it,
-- and later routing and hours). A website inbox keeps its widget settings in livechat_inbox, a mailbox will keep its
-- own in the email module's table; each row there names one inbox here.

create table livechat_inbox (
    inbox_id        bigint primary key references inbox (id) on delete cascade,
    account_id      bigint      not null references account (id) on delete cascade,
    public_key      text        not null unique,
    secret          text        not null,
    allowed_domains text[]      not null default '{}',
    pre_chat        boolean     not null default false,
    greeting        jsonb       not null default '{}',
    reply_time      jsonb       not null default '{}'
);

insert into livechat_inbox (inbox_id, account_id, public_key, secret, allowed_domains, pre_chat, greeting, reply_time)
select id, account_id, public_key, secret, allowed_domains, pre_chat, greeting, reply_time
from inbox;

alter table inbox
    drop column public_key,
    drop column secret,
    drop column allowed_domains,
    drop column pre_chat,
    drop column greeting,
    drop column reply_time,
    -- A tag the channel module chooses ('web', 'email'); the conversation module never reads it.
    add column channel text not null default 'web' check (channel ~ '^[a-z]{2,20}$');

alter table inbox alter column channel drop default;

alter table conversation add constraint conversation_inbox_fk foreign key (inbox_id) references inbox (id);
