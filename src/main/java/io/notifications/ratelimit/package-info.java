/**
 * Nexudus's rate limits: continuously refilling buckets of requests (per minute, hour and
 * day) and of writes (per minute and day), per authenticated user, or per client address
 * for requests without credentials and for {@code /api/token}; shared by all instances on
 * PostgreSQL.
 */
package io.notifications.ratelimit;
