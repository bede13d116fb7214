/**
 * Ephemeral mode's request journal ({@code /ephemeral/requests}): every request the
 * server answered, for a test to assert what its client sent.
 */
package io.notifications.ephemeral.journal;
