-- The statement one GET /api/spaces/coworkernotifications/{id} sends on PostgreSQL, for pgbench
-- (-M prepared). run.sh checks it against what the server sent (pg_stat_statements) and prints
-- the replacement when the server's SQL changes. One file a statement: get*.sql run in name
-- order, as one pgbench transaction.
\set id random(1, 1000)
SELECT version, coworker_id, is_new, system_id, is_dismissed, notification_type, updated_by, message, created_on, id, entity_id, unique_id, updated_on FROM coworker_notifications WHERE id = :id;
