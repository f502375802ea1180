-- The assistant (the FAQ bot) writes answers and hands conversations to a person; it is not an agent.
alter table message drop constraint message_author_check;
alter table message add constraint message_author_check check (author in ('visitor', 'agent', 'system', 'assistant'));
alter table message drop constraint message_activity_check;
alter table message add constraint message_activity_check check (activity in (
    'resolved', 'reopened', 'claimed', 'rated', 'assigned', 'unassigned', 'requeued', 'transferred', 'snoozed',
    'pending', 'woke', 'handed_off'));
