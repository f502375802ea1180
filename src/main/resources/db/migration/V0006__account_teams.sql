-- Teams group the agents of an account (sales, returns, a language). An inbox or a conversation can be given to a
-- team; only its members (and owners and admins) then see it.

create table team (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    name       text        not null check (char_length(name) between 1 and 80),
    created_at timestamptz not null
);

create unique index team_name_idx on team (account_id, lower(name));

create table team_member (
    team_id    bigint not null references team (id) on delete cascade,
    agent_id   bigint not null references agent (id) on delete cascade,
    account_id bigint not null references account (id) on delete cascade,
    primary key (team_id, agent_id)
);

create index team_member_agent_idx on team_member (account_id, agent_id);
