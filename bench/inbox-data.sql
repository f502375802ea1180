-- Fills a Sohbet database with a large history for bench/inbox-load.sh: 5 accounts, 50 agents, 15 inboxes,
-- 15 teams, 40 labels, 1,000,000 contacts and conversations, about 10,000,000 messages and 1,000,000 cycles.
--
-- Run after Sohbet's own Flyway migrations and first-owner seeding (account 1, agent 1 = the owner, inbox 1 = its
-- website inbox); bench/inbox-load.sh does both. Everything is deterministic: the same ids and figures every run.
--
-- Layout:
--   account a (1..5): agents 10(a-1)+1 .. 10a; the first is owner, the second admin, the others agents.
--     Every agent has the password of the seeded owner (its hash is copied), email agentN@bench.test
--     (agent 1 keeps the seeded owner's email).
--   inboxes 3(a-1)+1 web (widget), 3(a-1)+2 email (manual assignment), 3(a-1)+3 VIP web, restricted to team 1.
--   teams 3(a-1)+1..3, labels 8(a-1)+1..8.
--   conversation i (1..1,000,000): account 1 + i % 5, created one minute after i-1 (about 23 months in all).
--     Every 5,000th has 500 messages (200 of them); the others 3-17 (10 on average).
--     The last 40,000 are recent: about half pending, a third snoozed (until next week), the rest resolved; the
--     last 350 are open: 250 assigned (5 per agent), 100 unassigned, queued in the email inboxes. Everything older
--     is resolved. Every non-queued conversation has an assignee and an 'assigned' activity.
--   messages: visitor text, 'assigned' activity, then visitor and agent texts taking turns; resolved, pending and
--     snoozed conversations end with that activity, whose status_after and created_at are the conversation's
--     status and status_changed_at. last_seq, seen sequences and last_preview match the messages.
--
-- Foreign-key triggers are skipped while loading (session_replication_role = replica): the ids are consistent
-- by construction, and the check would cost one index probe per message.

\set ON_ERROR_STOP on
\timing on
set synchronous_commit = off;
set session_replication_role = replica;
set work_mem = '256MB';
set maintenance_work_mem = '512MB';

-- Deterministic hash of an integer (multiplicative, 32 bits); different shifts give independent-looking values.
create or replace function pg_temp.h(i bigint, salt int) returns bigint language sql immutable as
$$ select ((i * 2654435761 + salt * 40503) % 4294967296) >> 8 $$;

\echo accounts, agents, teams, inboxes, labels
begin;
insert into account (id, name, kind, timezone, default_language, created_at)
overriding system value
select a, 'Bench shop ' || a, 'shop', 'Europe/Istanbul', 'en', now() - interval '730 days'
from generate_series(2, 5) a;

insert into agent (id, email, display_name, password_hash, language, credentials_changed_at, created_at)
overriding system value
select n, 'agent' || n || '@bench.test', 'Agent ' || n, (select password_hash from agent where id = 1), 'en',
       now() - interval '730 days', now() - interval '730 days'
from generate_series(2, 50) n;

insert into membership (account_id, agent_id, role, created_at)
select (n - 1) / 10 + 1, n,
       case (n - 1) % 10 when 0 then 'owner' when 1 then 'admin' else 'agent' end,
       now() - interval '730 days'
from generate_series(2, 50) n;

insert into team (id, account_id, name, created_at)
overriding system value
select 3 * (a - 1) + t, a, (array ['Sales', 'Returns', 'Türkçe'])[t], now() - interval '700 days'
from generate_series(1, 5) a, generate_series(1, 3) t;

-- Agents 3..10 of an account: each in one team, every third also in the next one.
insert into team_member (team_id, agent_id, account_id)
select 3 * (a - 1) + 1 + k % 3, 10 * (a - 1) + k, a
from generate_series(1, 5) a, generate_series(3, 10) k
union all
select 3 * (a - 1) + 1 + (k + 1) % 3, 10 * (a - 1) + k, a
from generate_series(1, 5) a, generate_series(3, 10) k where k % 3 = 0;

update inbox set name = 'Website 1' where id = 1;
-- A known key for the seeded website inbox, like the generated ones (the widget accepts 16-64 of [A-Za-z0-9_-]).
update livechat_inbox set public_key = 'bench-inbox-1-key' where inbox_id = 1;
insert into inbox (id, account_id, name, channel, created_at, restricted, auto_assign)
overriding system value
select 3 * (a - 1) + k, a, (array ['Website ', 'Email ', 'VIP '])[k] || a, (array ['web', 'email', 'web'])[k],
       now() - interval '720 days', k = 3, k <> 2
from generate_series(1, 5) a, generate_series(1, 3) k
where 3 * (a - 1) + k <> 1;

insert into livechat_inbox (inbox_id, account_id, public_key, secret)
select 3 * (a - 1) + k, a, 'bench-inbox-' || (3 * (a - 1) + k) || '-key', md5('secret' || a || k) || md5(k || 'x' || a)
from generate_series(1, 5) a, generate_series(1, 3) k
where k <> 2 and 3 * (a - 1) + k <> 1;

insert into inbox_member (inbox_id, account_id, team_id)
select 3 * a, a, 3 * (a - 1) + 1 from generate_series(1, 5) a;

insert into label (id, account_id, name, color, created_at)
overriding system value
select 8 * (a - 1) + l, a,
       (array ['refund', 'shipping', 'vip', 'bug', 'sizing', 'wholesale', 'complaint', 'follow-up'])[l],
       (array ['#ef4444', '#f59e0b', '#10b981', '#3b82f6', '#8b5cf6', '#ec4899', '#6b7280', '#14b8a6'])[l],
       now() - interval '700 days'
from generate_series(1, 5) a, generate_series(1, 8) l;

-- Everyone offline until the benchmark signs in; 50 chats each so routing has room.
insert into agent_presence (account_id, agent_id, chosen, availability, max_chats)
select (n - 1) / 10 + 1, n, 'offline', 'offline', 50 from generate_series(1, 50) n
on conflict (account_id, agent_id) do update set chosen = 'offline', availability = 'offline', max_chats = 50;
commit;

\echo conversation plan
-- One row per conversation with everything the inserts below derive from it.
create temporary table plan as
select i,
       1 + i % 5 as account_id,
       case when i % 5000 = 0 then 500 else 3 + pg_temp.h(i, 1) % 15 end as n,
       -- 0 resolved, 1 pending, 2 snoozed, 3 open and assigned, 4 open and queued (unassigned)
       case when i > 999900 then 4
            when i > 999650 then 3
            when i > 960000 and pg_temp.h(i, 2) % 100 < 50 then 1
            when i > 960000 and pg_temp.h(i, 2) % 100 < 85 then 2
            else 0 end as state,
       pg_temp.h(i, 3) % 100 as r_inbox,
       pg_temp.h(i, 4) % 100 as r_team,
       pg_temp.h(i, 5) % 100 as r_label,
       now() - make_interval(mins => (1000001 - i)::int) as created_at
from generate_series(1, 1000000) i;

alter table plan add column inbox_id bigint, add column team_id bigint, add column assignee_id bigint;
update plan set
    inbox_id = 3 * (account_id - 1) + case when state = 4 then 2
                                           when r_inbox < 70 then 1 when r_inbox < 90 then 2 else 3 end,
    assignee_id = case when state = 4 then null else 10 * (account_id - 1) + 1 + (i / 5) % 10 end;
update plan set team_id = case when inbox_id % 3 = 0 then 3 * (account_id - 1) + 1
                               when r_team < 15 then 3 * (account_id - 1) + 1 + r_team % 3 end;
create index on plan (i);
analyze plan;

\echo contacts
insert into contact (id, account_id, name, email, external_id, verified, created_at, updated_at)
overriding system value
select i, account_id,
       case when i % 3 = 0 then null else 'Customer ' || i end,
       case when i % 2 = 0 then 'customer' || i || '@example.com' end,
       case when i % 7 = 0 then 'cust-' || i end,
       i % 7 = 0,
       created_at, created_at
from plan;

\echo conversations and cycles
insert into conversation (id, account_id, inbox_id, contact_id, status, assignee_id, last_seq, visitor_seen_seq,
                          agent_seen_seq, rating, last_preview, created_at, updated_at, team_id, snoozed_until,
                          queued_at, assigned_at, status_changed_at, cycle_id, first_response_due_at,
                          resolution_due_at)
overriding system value
select i, account_id, inbox_id, i,
       (array ['resolved', 'pending', 'snoozed', 'open', 'open'])[state + 1],
       assignee_id, n, n, case when state = 4 then 0 else n end,
       case when state = 0 and r_label % 4 = 0 then 1 + r_label % 5 end,
       case when state = 4 then 'Is anyone there? Order #' || i
            else 'Thanks, that helps with order #' || i end,
       created_at, created_at + make_interval(secs => 30 * (n - 1)),
       team_id,
       case when state = 2 then now() + make_interval(days => 1 + (i % 7)::int) end,
       created_at,
       case when assignee_id is not null then created_at + interval '30 seconds' end,
       case when state = 4 then created_at else created_at + make_interval(secs => 30 * (n - 1)) end,
       i,
       -- Service levels (ADR 29): the unanswered queue owes a first reply within four hours, all work in hand a
       -- resolution within two days; resolved history has nothing due.
       case when state = 4 then created_at + interval '4 hours' end,
       case when state <> 0 then created_at + interval '2 days' end
from plan;

insert into conversation_cycle (id, account_id, conversation_id, inbox_id, start_seq, started_at, first_reply_at,
                                first_response_seconds, first_response_business_seconds, resolved_at,
                                resolution_seconds, resolution_business_seconds, agent_messages, visitor_messages,
                                missed, rating, assignee_id)
overriding system value
select i, account_id, i, inbox_id, 1, created_at,
       case when state <> 4 then created_at + interval '90 seconds' end,
       case when state <> 4 then 90 end, case when state <> 4 then 90 end,
       case when state = 0 then created_at + make_interval(secs => 30 * (n - 1)) end,
       case when state = 0 then 30 * (n - 1) end, case when state = 0 then 30 * (n - 1) end,
       case when state = 0 then (n - 2) / 2 end, case when state = 0 then n - 2 - (n - 2) / 2 end,
       false,
       case when state = 0 and r_label % 4 = 0 then 1 + r_label % 5 end,
       assignee_id
from plan;

\echo labels on conversations
insert into conversation_label (conversation_id, label_id, account_id)
select i, 8 * (account_id - 1) + 1 + r_label % 8, account_id from plan where r_label < 30
union all
select i, 8 * (account_id - 1) + 1 + (r_label + 3) % 8, account_id from plan where r_label < 8;

\echo messages (in four parts)
-- seq 1 the visitor's first message; seq 2 the 'assigned' activity (for queued ones another visitor message);
-- the last one the resolve/pending/snooze activity; in between visitor (odd) and agent (even) texts.
select format($q$
insert into message (account_id, conversation_id, seq, kind, author, agent_id, body, activity, status_after,
                     created_at, subject_agent_id)
select p.account_id, p.i, s,
       case when last_act then 'activity' when s = 2 and p.state <> 4 then 'activity' else 'text' end,
       case when last_act then 'agent' when s = 2 and p.state <> 4 then 'system'
            when s %% 2 = 1 or p.state = 4 then 'visitor' else 'agent' end,
       case when last_act then p.assignee_id when s = 2 or s %% 2 = 1 or p.state = 4 then null
            else p.assignee_id end,
       case when last_act or (s = 2 and p.state <> 4) then null
            when s = 1 then 'Hello, I have a question about my order #' || p.i
            when p.state = 4 then 'Is anyone there? Order #' || p.i
            when s = p.n - 1 then 'Thanks, that helps with order #' || p.i
            else (array ['Could you check the delivery date for me?',
                         'Sure, let me look that up for you.',
                         'The parcel left our warehouse yesterday and should arrive within two working days.',
                         'Can I change the size to a medium?',
                         'Yes, I have updated the order. You will get a confirmation email shortly.',
                         'Do you ship to Istanbul?',
                         'We do, shipping is free above 500 TL.',
                         'Great, thank you!'])[1 + (p.i + s) %% 8] end,
       case when last_act then (array ['resolved', 'pending', 'snoozed'])[p.state + 1]
            when s = 2 and p.state <> 4 then 'assigned' end,
       case when last_act then (array ['resolved', 'pending', 'snoozed'])[p.state + 1] else 'open' end,
       p.created_at + make_interval(secs => 30 * (s - 1)),
       case when s = 2 and p.state <> 4 then p.assignee_id end
from plan p
cross join lateral (select s, s = p.n and p.state in (0, 1, 2) as last_act from generate_series(1, p.n) s) m
where p.i > %s and p.i <= %s
$q$, k * 250000, (k + 1) * 250000) from generate_series(0, 3) k
\gexec

\echo sequences
select setval(pg_get_serial_sequence('account', 'id'), (select max(id) from account));
select setval(pg_get_serial_sequence('agent', 'id'), (select max(id) from agent));
select setval(pg_get_serial_sequence('team', 'id'), (select max(id) from team));
select setval(pg_get_serial_sequence('inbox', 'id'), (select max(id) from inbox));
select setval(pg_get_serial_sequence('label', 'id'), (select max(id) from label));
select setval(pg_get_serial_sequence('contact', 'id'), (select max(id) from contact));
select setval(pg_get_serial_sequence('conversation', 'id'), (select max(id) from conversation));
select setval(pg_get_serial_sequence('conversation_cycle', 'id'), (select max(id) from conversation_cycle));
select setval(pg_get_serial_sequence('message', 'id'), (select max(id) from message));

reset session_replication_role;
\echo vacuum analyze (visibility map and statistics, as autovacuum would leave them)
vacuum (analyze) account, agent, membership, team, team_member, inbox, livechat_inbox, inbox_member, label,
    agent_presence, contact, conversation, conversation_cycle, conversation_label, message;

select (select count(*) from conversation) as conversations, (select count(*) from message) as messages,
       (select count(*) from contact) as contacts, (select count(*) from conversation_label) as labelled,
       pg_size_pretty(pg_database_size(current_database())) as database_size;
select status, count(*) from conversation group by status order by status;
