-- The email channel finds contacts by address (Contacts.byEmail) for every inbound mail.
create index contact_email_idx on contact (account_id, email) where email is not null;
