-- The language the contact writes in (the widget's language), where known. Mail about the conversation (replies to a
-- visitor who left, transcripts) is framed in it; without it the account's default language is used.
alter table conversation add column language text check (language in ('en', 'fa', 'ar', 'tr', 'bg'));
