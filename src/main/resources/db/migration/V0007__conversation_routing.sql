-- Routing, the queue, availability and the agent's working tools.

-- Who serves an inbox: when restricted, only the listed agents and the members of the listed teams (owners and
-- admins always). Routing settings, weekly hours in the account's timezone, holidays and the away text.
alter table inbox
    add column restricted        boolean not null default false,
    add column auto_assign       boolean not null default true,
    -- After this many minutes without the assigned agent's first reply, the conversation goes back to the queue.
    add column no_answer_minutes integer check (no_answer_minutes between 1 and 1440),
    -- {"mon": [["09:00", "17:30"]], ...}; empty means always open.
    add column hours             jsonb   not null default '{}',
    add column holidays          date[]  not null default '{}',
    add column away_text         jsonb   not null default '{}';

create table inbox_member (
    inbox_id   bigint not null references inbox (id) on delete cascade,
    account_id bigint not null references account (id) on delete cascade,
    agent_id   bigint references agent (id) on delete cascade,
    team_id    bigint references team (id) on delete cascade,
    check (num_nonnulls(agent_id, team_id) = 1),
    unique (inbox_id, agent_id),
    unique (inbox_id, team_id)
);

-- Each agent's availability and capacity in an account. 'chosen' is what the agent set by hand; 'availability' is
-- what routing reads: an online agent without activity for the account's away period becomes away until active again.
create table agent_presence (
    account_id       bigint      not null references account (id) on delete cascade,
    agent_id         bigint      not null references agent (id) on delete cascade,
    chosen           text        not null default 'offline' check (chosen in ('online', 'away', 'offline')),
    availability     text        not null default 'offline' check (availability in ('online', 'away', 'offline')),
    max_chats        integer     not null default 5 check (max_chats between 1 and 50),
    last_active_at   timestamptz,
    last_assigned_at timestamptz,
    -- Per event kind ('queue', 'assigned', 'mention', 'message'): 'sound', 'browser', 'both' or 'none'.
    notify           jsonb       not null default '{}',
    primary key (account_id, agent_id)
);

create table routing_policy (
    account_id         bigint  primary key references account (id) on delete cascade,
    away_after_minutes integer not null default 10 check (away_after_minutes between 1 and 720)
);

alter table conversation drop constraint conversation_status_check;
alter table conversation
    add constraint conversation_status_check check (status in ('open', 'pending', 'snoozed', 'resolved')),
    add column team_id           bigint references team (id) on delete set null,
    add column snoozed_until     timestamptz,
    -- In the queue while unassigned with queued_at set; the queue is first in, first out by this time. Kept when
    -- assigned, so a conversation that goes back to the queue keeps its place.
    add column queued_at         timestamptz,
    add column assigned_at       timestamptz,
    -- The assigned agent must have answered by then, or the conversation goes back to the queue.
    add column reply_due_at      timestamptz,
    -- The agent who let it go back to the queue: routing offers it to the others first.
    add column passed_by         bigint references agent (id) on delete set null,
    add column status_changed_at timestamptz,
    add column cycle_id          bigint;

update conversation set status_changed_at = updated_at;
alter table conversation alter column status_changed_at set not null;

-- Lists by status: open work is small and sorted by last activity in the query; resolved ones page by this index.
drop index conversation_account_idx;
create index conversation_status_idx on conversation (account_id, status, status_changed_at desc, id desc);
create index conversation_queue_idx on conversation (account_id, inbox_id, queued_at, id)
    where assignee_id is null and queued_at is not null;
create index conversation_load_idx on conversation (account_id, assignee_id) where status = 'open';
create index conversation_due_idx on conversation (reply_due_at) where reply_due_at is not null;
create index conversation_snooze_idx on conversation (snoozed_until) where status = 'snoozed';
create index conversation_team_idx on conversation (account_id, team_id) where team_id is not null;

alter table message drop constraint message_kind_check;
alter table message add constraint message_kind_check check (kind in ('text', 'attachment', 'activity', 'note'));
alter table message drop constraint message_activity_check;
alter table message add constraint message_activity_check check (activity in (
    'resolved', 'reopened', 'claimed', 'rated', 'assigned', 'unassigned', 'requeued', 'transferred', 'snoozed',
    'pending', 'woke'));
alter table message drop constraint message_status_after_check;
alter table message add constraint message_status_after_check
    check (status_after in ('open', 'pending', 'snoozed', 'resolved'));
alter table message
    -- The agent or team an assignment or transfer names.
    add column subject_agent_id bigint references agent (id) on delete set null,
    add column subject_team_id  bigint references team (id) on delete set null;

-- One row per cycle of a conversation (opened, then resolved), with the service figures the reports read.
create table conversation_cycle (
    id                     bigint generated always as identity primary key,
    account_id             bigint      not null references account (id) on delete cascade,
    conversation_id        bigint      not null references conversation (id) on delete cascade,
    inbox_id               bigint      not null,
    start_seq              bigint      not null,
    started_at             timestamptz not null,
    first_reply_at         timestamptz,
    -- Wall seconds from the start to the first agent reply (the visitor's wait), and the same in business hours.
    first_response_seconds bigint,
    first_response_business_seconds bigint,
    resolved_at            timestamptz,
    resolution_seconds     bigint,
    resolution_business_seconds bigint,
    agent_messages         integer,
    visitor_messages       integer,
    -- The visitor left before any agent answered.
    missed                 boolean     not null default false,
    rating                 smallint check (rating between 1 and 5),
    assignee_id            bigint references agent (id) on delete set null
);

create index conversation_cycle_conversation_idx on conversation_cycle (conversation_id, id desc);
create index conversation_cycle_account_idx on conversation_cycle (account_id, started_at);

create table label (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    name       text        not null check (char_length(name) between 1 and 40),
    color      text        not null default '#6b7280' check (color ~ '^#[0-9a-f]{6}$'),
    created_at timestamptz not null
);

create unique index label_name_idx on label (account_id, lower(name));

create table conversation_label (
    conversation_id bigint not null references conversation (id) on delete cascade,
    label_id        bigint not null references label (id) on delete cascade,
    account_id      bigint not null,
    primary key (conversation_id, label_id)
);

create index conversation_label_label_idx on conversation_label (label_id, conversation_id);

create table canned_response (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    shortcut   text        not null check (shortcut ~ '^[a-z0-9_-]{1,32}$'),
    language   text        not null check (language in ('en', 'fa', 'ar', 'tr', 'bg')),
    body       text        not null check (char_length(body) between 1 and 5000),
    created_at timestamptz not null,
    unique (account_id, shortcut, language)
);

create table mention (
    id              bigint generated always as identity primary key,
    account_id      bigint      not null references account (id) on delete cascade,
    agent_id        bigint      not null references agent (id) on delete cascade,
    conversation_id bigint      not null references conversation (id) on delete cascade,
    message_id      bigint      not null references message (id) on delete cascade,
    created_at      timestamptz not null,
    seen_at         timestamptz
);

create index mention_agent_idx on mention (account_id, agent_id, created_at desc);
