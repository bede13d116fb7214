-- One row per caller and Idempotency-Key: the first request's fingerprint, which request holds
-- the key, and the answer once given. The primary key lets one request claim a key, on however
-- many instances. Kept for notifications.idempotency.retention after created_on.
CREATE TABLE idempotency_keys (
    caller          VARCHAR(1000)               NOT NULL,
    idempotency_key VARCHAR(255)                NOT NULL,
    request_hash    VARCHAR(64)                 NOT NULL,
    claimed_by      VARCHAR(36)                 NOT NULL,
    created_on      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    response_status INTEGER,
    response_body   VARCHAR(10485760),
    response_etag   VARCHAR(64),
    PRIMARY KEY (caller, idempotency_key)
);

CREATE INDEX ix_idempotency_keys_created_on ON idempotency_keys (created_on);
