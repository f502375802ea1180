-- Checks a routing run of bench/InboxLoad.java from the message table (psql -v first=FIRST_ID -v from=FIRST_MEASURED_ID
-- -v to=LAST_ID).
--
-- Decision time: from the moment the conversation joined the queue to its 'assigned' activity. Resolving clears
-- queued_at, so the start is the first cycle's started_at, which the visitor's first message writes with the same
-- instant as queued_at (Conversations.reopenForContact).
-- Double assignment: more than one 'assigned' or 'claimed' activity on one conversation.
-- Capacity: each agent's open load replayed in message-id order (assignments and resolves take the account's
-- advisory lock, so that order is their order), starting from the open conversations assigned before the run.

\set ON_ERROR_STOP on

create temporary view run_conversations as
select c.id, c.account_id, cy.started_at
from conversation c
join conversation_cycle cy on cy.conversation_id = c.id
where c.id between :from and :to;

with assignments as (
    select m.conversation_id, count(*) as n, min(m.created_at) as first_at
    from message m
    where m.conversation_id between :from and :to and m.activity in ('assigned', 'claimed')
    group by m.conversation_id),
decisions as (
    select extract(epoch from a.first_at - r.started_at) * 1000 as ms, coalesce(a.n, 0) as n
    from run_conversations r left join assignments a on a.conversation_id = r.id)
select 'decisions', count(*) filter (where n > 0) as assigned, count(*) filter (where n = 0) as never_assigned,
       count(*) filter (where n > 1) as assigned_twice,
       round(percentile_cont(0.50) within group (order by ms)::numeric, 1) as p50_ms,
       round(percentile_cont(0.95) within group (order by ms)::numeric, 1) as p95_ms,
       round(percentile_cont(0.99) within group (order by ms)::numeric, 1) as p99_ms,
       round(max(ms)::numeric, 1) as max_ms
from decisions;

-- Loads cover the whole run, warm-up included (:first is the run's first conversation).
with base as (
    select assignee_id as agent, count(*) as load
    from conversation
    where id < :first and status = 'open' and assignee_id is not null
    group by assignee_id),
assigned as (
    select m.conversation_id, m.id, m.subject_agent_id as agent
    from message m
    where m.conversation_id >= :first and m.activity in ('assigned', 'claimed')),
events as (
    select a.agent, a.id, 1 as delta from assigned a
    union all
    select a.agent, m.id, -1
    from message m join assigned a on a.conversation_id = m.conversation_id and a.id < m.id
    where m.conversation_id >= :first and m.activity in ('resolved', 'snoozed', 'pending', 'unassigned')),
replay as (
    select e.agent, coalesce(b.load, 0) + sum(e.delta) over (partition by e.agent order by e.id) as load
    from events e left join base b on b.agent = e.agent),
peaks as (
    select r.agent, max(r.load) as peak, p.max_chats
    from replay r join agent_presence p on p.agent_id = r.agent
    group by r.agent, p.max_chats)
select 'capacity', count(*) as agents, max(peak) as highest_load, min(max_chats) as max_chats,
       count(*) filter (where peak > max_chats) as agents_over_limit,
       round(avg(peak), 1) as mean_peak
from peaks;

with d as (
    select extract(epoch from a.created_at - r.started_at) * 1000 as ms, count(*) over () as n
    from run_conversations r
    join message a on a.conversation_id = r.id and a.activity = 'assigned')
select 'RESULT routing_check',
       'decisions=' || count(*),
       'p50=' || round(percentile_cont(0.50) within group (order by ms)::numeric, 1),
       'p95=' || round(percentile_cont(0.95) within group (order by ms)::numeric, 1),
       'p99=' || round(percentile_cont(0.99) within group (order by ms)::numeric, 1),
       'max=' || round(max(ms)::numeric, 1),
       'double=' || (select count(*) from (select conversation_id from message
                     where conversation_id between :from and :to and activity in ('assigned', 'claimed')
                     group by conversation_id having count(*) > 1) x),
       'never=' || (select count(*) from run_conversations r where not exists (
                     select 1 from message m where m.conversation_id = r.id and m.activity in ('assigned', 'claimed')))
from d;
