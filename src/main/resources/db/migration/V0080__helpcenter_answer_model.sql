-- The OpenAI-compatible chat-completions endpoint an account may let the FAQ bot write its answers with (ADR 0024).
-- Off by default; the API key is sealed with the help center's own key (data/help.key), never stored in clear.
create table help_answer_model (
    account_id bigint primary key references account (id) on delete cascade,
    enabled    boolean     not null default false,
    base_url   text        not null check (length(base_url) <= 300),
    model      text        not null check (length(model) <= 200),
    api_key    bytea,
    timeout_ms integer     not null check (timeout_ms between 1000 and 60000),
    updated_at timestamptz not null
);
