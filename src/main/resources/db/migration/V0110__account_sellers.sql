-- Sellers inside a marketplace account (ADR 32). The key is what the shop's page names in data-seller or in track
-- properties; it only routes, it never grants access. An inactive seller keeps its rows and agents, but its key
-- routes to the operator's queue like an unknown one.

create table seller (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    name       text        not null check (char_length(name) between 1 and 80),
    seller_key text        not null check (seller_key ~ '^[A-Za-z0-9_.:-]{1,64}$'),
    active     boolean     not null default true,
    created_at timestamptz not null,
    unique (account_id, seller_key),
    -- So other tables can name (account, seller) and a seller of another account can never be referenced.
    unique (account_id, id)
);

create unique index seller_name_idx on seller (account_id, lower(name));

-- An agent works for at most one seller of an account; the operator's own agents are in none.
create table seller_member (
    account_id bigint not null,
    agent_id   bigint not null references agent (id) on delete cascade,
    seller_id  bigint not null,
    primary key (account_id, agent_id),
    foreign key (account_id, seller_id) references seller (account_id, id) on delete cascade,
    foreign key (account_id, agent_id) references membership (account_id, agent_id) on delete cascade
);

create index seller_member_seller_idx on seller_member (account_id, seller_id);
