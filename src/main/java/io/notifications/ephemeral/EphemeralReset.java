package io.notifications.ephemeral;

/**
 * Published when {@code POST /ephemeral/reset} has restored the fixtures, for everything
 * else that a reset empties (the journal, the faults, the token revocations) to clear
 * itself.
 */
public record EphemeralReset() {
}
