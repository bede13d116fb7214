-- The statement one GET /api/spaces/coworkernotifications/{id} sends on PostgreSQL, for pgbench
-- (-M prepared). run.sh checks it against what the server sent (pg_stat_statements) and prints
-- the replacement when the server's SQL changes. One file a statement: get*.sql run in name
-- order, as one pgbench transaction.
\set id random(1, 1000)
select cn1_0.id,cn1_0.coworker_id,cn1_0.created_on,cn1_0.entity_id,cn1_0.is_dismissed,cn1_0.is_new,cn1_0.message,cn1_0.notification_type,cn1_0.system_id,cn1_0.unique_id,cn1_0.updated_by,cn1_0.updated_on,cn1_0.version from coworker_notifications cn1_0 where cn1_0.id=:id;
