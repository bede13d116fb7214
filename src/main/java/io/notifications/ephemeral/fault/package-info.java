/**
 * Ephemeral mode's faults ({@code /ephemeral/faults}): rules that answer matching
 * requests with one of Nexudus's real failure modes, for testing a client's retries.
 */
package io.notifications.ephemeral.fault;
