-- The Unassigned and Mine views of a status: their capped counts (ConversationViews.COUNT_CAP) read a range of this
-- index instead of filtering the whole status, and their lists page along it in order. Status, assignee and
-- status_changed_at change on assignment and status changes only, never with a message, so message updates of the
-- conversation row stay HOT (see V0003).
create index conversation_assignee_idx
    on conversation (account_id, status, assignee_id, status_changed_at desc, id desc);

-- A team's view of a status, the same way: its capped count and its list read one range of this index; the
-- older conversation_team_idx has no status and made the count visit every conversation of the team.
create index conversation_team_status_idx
    on conversation (account_id, team_id, status, status_changed_at desc, id desc) where team_id is not null;
