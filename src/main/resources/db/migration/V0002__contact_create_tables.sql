-- A contact is a person the shop talks to. An anonymous visitor becomes a contact when it first writes; a customer
-- whose identity the shop signed is a verified contact, found again by the shop's own customer id.

create table contact (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    name        text check (char_length(name) <= 120),
    email       text check (char_length(email) <= 254),
    -- The shop's customer id, only ever taken from a signed identity token.
    external_id text check (char_length(external_id) <= 200),
    verified    boolean     not null default false,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    check (external_id is null or verified)
);

create unique index contact_external_idx on contact (account_id, external_id) where external_id is not null;
create index contact_account_idx on contact (account_id, created_at desc);
