/**
 * Nexudus's rate limits: continuously refilling buckets of requests and of writes per minute, per
 * authenticated user, or per client address for requests without credentials and for
 * {@code /api/token}.
 */
package io.notifications.ratelimit;
