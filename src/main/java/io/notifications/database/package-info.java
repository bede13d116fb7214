/**
 * A database that is unreachable makes requests fail fast with 503 and the instance not
 * ready, never hang; both recover by themselves when it returns.
 */
package io.notifications.database;
