-- The seller a conversation belongs to, fixed when it is created (ADR 32); null for the operator's own.
alter table conversation add column seller_id bigint;
alter table conversation
    add constraint conversation_seller_fk foreign key (account_id, seller_id) references seller (account_id, id);

create index conversation_seller_idx on conversation (account_id, seller_id, status) where seller_id is not null;
