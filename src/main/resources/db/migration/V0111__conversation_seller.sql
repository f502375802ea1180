-- The seller a conversation belongs to, fixed when it is created (ADR 32); null for the operator's own.
alter table conversation add column seller_id bigint;
alter table conversation
    add constraint conversation_seller_fk foreign key (account_id, seller_id) references seller (account_id, id);

-- Neither index covers a column that every message updates, so message updates stay HOT (see V0003).
create index conversation_seller_idx on conversation (account_id, seller_id) where seller_id is not null;
-- A contact's conversations across inboxes, for "may this agent see this contact".
create index conversation_contact_account_idx on conversation (account_id, contact_id);
