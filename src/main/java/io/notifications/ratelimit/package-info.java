/**
 * Nexudus's rate limits, per authenticated user, or per client address for requests
 * without credentials and for {@code /api/token}; shared by all instances on PostgreSQL.
 */
package io.notifications.ratelimit;
