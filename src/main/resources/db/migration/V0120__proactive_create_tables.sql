-- Proactive invitations: rules per website inbox, and each time one was shown to a visitor (for the caps and for
-- the console's "fired" and "turned into a chat" counts).

create table proactive_rule (
    id                  bigint generated always as identity primary key,
    account_id          bigint           not null references account (id) on delete cascade,
    inbox_id            bigint           not null references inbox (id) on delete cascade,
    name                text             not null check (char_length(name) between 1 and 120),
    enabled             boolean          not null default true,
    -- One pattern a line: a path ("/products/*") or a whole address, "*" standing for any characters.
    url_patterns        text[]           not null default '{}',
    min_seconds_on_page integer          not null default 0 check (min_seconds_on_page between 0 and 86400),
    min_pages           integer          not null default 0 check (min_pages between 0 and 1000),
    min_cart            double precision check (min_cart >= 0),
    -- null: any; 'in': any checkout step; else one step.
    checkout_step       text check (checkout_step in ('in', 'cart', 'address', 'shipping', 'payment', 'review')),
    languages           text[]           not null default '{}',
    visitor_kind        text             not null default 'any' check (visitor_kind in ('any', 'new', 'returning')),
    -- Invitation texts by language tag, e.g. {"en": "Need help with your order?"}.
    messages            jsonb            not null,
    max_per_visitor     integer          not null check (max_per_visitor between 1 and 20),
    cooldown_minutes    integer          not null check (cooldown_minutes between 1 and 1440),
    created_at          timestamptz      not null
);

create index proactive_rule_inbox_idx on proactive_rule (account_id, inbox_id);

create table proactive_firing (
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references account (id) on delete cascade,
    rule_id      bigint      not null references proactive_rule (id) on delete cascade,
    visitor_key  text        not null,
    fired_at     timestamptz not null,
    -- Set when the visitor started chatting soon after the invitation.
    converted_at timestamptz
);

create index proactive_firing_visitor_idx on proactive_firing (account_id, visitor_key, fired_at);
create index proactive_firing_rule_idx on proactive_firing (rule_id);
