-- Rate-limit buckets shared by every instance on PostgreSQL (Bucket4j's PostgreSQL proxy manager:
-- one row per bucket, its state serialized, and when it may be removed, in epoch milliseconds).
-- H2 gets the table too (one schema for both) but keeps its buckets in memory.
CREATE TABLE rate_limit_buckets (
	id VARCHAR(512) PRIMARY KEY,
	state BYTEA,
	expires_at BIGINT
);
