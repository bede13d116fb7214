-- The statement one PUT /api/spaces/coworkernotifications sends on PostgreSQL, for pgbench
-- (-M prepared). run.sh checks it against what the server sent (pg_stat_statements) and prints
-- the replacement when the server's SQL changes. One file a statement: put*.sql run in name
-- order, as one pgbench transaction. Values like bench/req.lua's. pgbench's \set takes numbers
-- only; each "-- define NAME=VALUE" line is passed as pgbench -D NAME=VALUE (a text value).
-- define notification_type=push-notification
-- define updated_on=2026-01-01T00:00:00Z
-- define updated_by=admin@example.com
\set id random(1, 1000)
\set coworker_id 1000 + :id % 97
\set message random(1, 2000000000)
\set entity_id random(0, 999)
\set is_dismissed random(0, 1)
\set system_id :id
UPDATE coworker_notifications SET coworker_id = :coworker_id, message = :message, notification_type = :notification_type, entity_id = :entity_id, is_dismissed = :is_dismissed, system_id = :system_id, updated_on = :updated_on, updated_by = :updated_by, is_new = FALSE, version = version + 1 WHERE id = :id RETURNING version;
