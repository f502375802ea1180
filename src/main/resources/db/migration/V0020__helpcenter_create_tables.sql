-- The help center of an account: its public address and theme, categories and articles. An article group is one
-- answer; each of its translations is a row of help_article in one language, so translations link through the group.

create table help_center (
    account_id       bigint primary key references account (id) on delete cascade,
    slug             text        not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$'),
    title            text check (char_length(title) between 1 and 120),
    accent_colour    text        not null default '#1f6f5c' check (accent_colour ~ '^#[0-9a-f]{6}$'),
    logo_image_key   text,
    default_language text        not null default 'en' check (default_language in ('en', 'fa', 'ar', 'tr', 'bg')),
    updated_at       timestamptz not null
);

create table help_category (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    position   integer     not null default 0,
    created_at timestamptz not null,
    unique (account_id, id)
);

create table help_category_name (
    category_id bigint not null references help_category (id) on delete cascade,
    account_id  bigint not null,
    language    text   not null check (language in ('en', 'fa', 'ar', 'tr', 'bg')),
    name        text   not null check (char_length(name) between 1 and 120),
    slug        text   not null check (char_length(slug) between 1 and 120),
    primary key (category_id, language),
    unique (account_id, language, slug)
);

create table help_article_group (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    category_id bigint,
    position    integer     not null default 0,
    created_at  timestamptz not null,
    unique (account_id, id),
    -- The category must be of the same account; deleting it leaves the articles uncategorized.
    foreign key (account_id, category_id) references help_category (account_id, id) on delete set null (category_id)
);

create table help_article (
    id                bigint generated always as identity primary key,
    account_id        bigint      not null,
    group_id          bigint      not null,
    language          text        not null check (language in ('en', 'fa', 'ar', 'tr', 'bg')),
    title             text        not null check (char_length(title) between 1 and 200),
    slug              text        not null check (char_length(slug) between 1 and 120),
    summary           text        not null default '' check (char_length(summary) <= 300),
    body_markdown     text        not null check (char_length(body_markdown) <= 100000),
    body_html         text        not null,
    status            text        not null check (status in ('draft', 'published')),
    author_id         bigint references agent (id) on delete set null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    published_at      timestamptz,
    views             bigint      not null default 0,
    views_from_search bigint      not null default 0,
    views_from_bot    bigint      not null default 0,
    helpful           bigint      not null default 0,
    not_helpful       bigint      not null default 0,
    foreign key (account_id, group_id) references help_article_group (account_id, id) on delete cascade,
    unique (group_id, language),
    unique (account_id, language, slug)
);

create index help_article_public_idx on help_article (account_id, language, status);

-- Images for articles and the logo; small, so they live in the database and go with its backups.
create table help_image (
    key          text primary key,
    account_id   bigint      not null references account (id) on delete cascade,
    content_type text        not null check (content_type in ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    bytes        bytea       not null check (octet_length(bytes) <= 2097152),
    created_at   timestamptz not null
);

-- Searches that found nothing, counted per normalized query: the knowledge-gap report.
create table help_search_miss (
    account_id    bigint      not null references account (id) on delete cascade,
    language      text        not null check (language in ('en', 'fa', 'ar', 'tr', 'bg')),
    query         text        not null check (char_length(query) <= 200),
    count         bigint      not null,
    last_asked_at timestamptz not null,
    primary key (account_id, language, query)
);
