-- Whether a page pushed by an agent opens in the visitor's tab at once, or only after the visitor's click (default).
alter table livechat_inbox add column push_navigates boolean not null default false;
