/**
 * Safe retries of creates: the {@code Idempotency-Key} a client sends with a POST, kept
 * in the database with the first request's fingerprint and answer, so a retry gets that
 * answer instead of a second record, on any instance and after a restart.
 */
package io.notifications.idempotency;
