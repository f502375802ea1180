-- Every chat's end (resolve, snooze, pending) takes its row out of the partial indexes of open conversations; the
-- dead entries stay until the table is vacuumed. By default that waits for 20 % of the table to be dead: with a million
-- conversations, 200,000 of them, while the router's load count walks every dead entry of the account's open range
-- (12 ms instead of 0.3 ms after 50,000, docs/performance.md). Vacuum after 1 % instead, which on a table whose older
-- pages are all-visible touches only the recent ones.
alter table conversation set (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0.02
);
