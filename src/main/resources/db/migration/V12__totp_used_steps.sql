-- The last TOTP step (RFC 6238's T, 30 s each) that each user with two-factor authentication has
-- signed in with: a code is accepted once, on whichever instance, and never an earlier one after it.
CREATE TABLE totp_used_steps (
    username  VARCHAR(1000) NOT NULL PRIMARY KEY,
    last_step BIGINT        NOT NULL
);
