-- Articles the widget's help view suggests on the shop's pages: a URL pattern (* for any characters) and the article
-- it suggests; the widget shows the translation in the visitor's language when one is published.
create table help_page_rule (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    pattern    text        not null check (char_length(pattern) between 1 and 500),
    article_id bigint      not null references help_article (id) on delete cascade,
    created_at timestamptz not null
);

create index help_page_rule_account_idx on help_page_rule (account_id, id);
