-- Service levels (ADR 29): each inbox may set a target for the first response and one for the resolution, as a span
-- of business minutes ('240m') or the close of the business day ('same_day'). No target: nothing falls due.
alter table inbox
    add column first_response_target text check (first_response_target ~ '^([1-9][0-9]{0,4}m|same_day)$'),
    add column resolution_target     text check (resolution_target ~ '^([1-9][0-9]{0,4}m|same_day)$');

-- When each target falls due for the current cycle, computed in business hours when the clock starts and cleared
-- when the target is met (the first agent reply; the resolution). Nullable without a default, so adding them does
-- not rewrite the table.
alter table conversation
    add column first_response_due_at timestamptz,
    add column resolution_due_at     timestamptz;

-- "Most urgent first": the earlier of the two dues, conversations without one last (a far date stands for none, so
-- one ascending range serves the whole list and its keyset pages). Every list names the account and one status.
-- The due columns change only with a cycle's start, its first reply and its resolution, which change indexed
-- columns (status, assignee, reply_due_at) already, so the visitor's message updates stay HOT (see V0003).
create index conversation_service_due_idx on conversation (
    account_id, status,
    (coalesce(least(first_response_due_at, resolution_due_at), timestamptz '9999-12-31 00:00:00+00')), id);
