/**
 * Ephemeral mode (the {@code ephemeral} profile): the server as a drop-in Nexudus for
 * other people's integration tests. In-memory database, no file written, users from one
 * property, fixtures loaded at start and restored by {@code POST /ephemeral/reset}, and
 * the bound port in one log line. Never for a server that faces a network
 * (docs/embedded-testing.md).
 */
package io.notifications.ephemeral;
