CREATE TABLE refresh_tokens (
    token_hash VARCHAR(64)                 PRIMARY KEY,
    subject    VARCHAR(255)                NOT NULL,
    issued_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_refresh_tokens_expires_at ON refresh_tokens (expires_at);
