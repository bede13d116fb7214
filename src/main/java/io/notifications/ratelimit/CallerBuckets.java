package io.notifications.ratelimit;

/**
 * A caller's two buckets: every request draws on the first, a write on the second too.
 */
record CallerBuckets(CallerBucket requests, CallerBucket writes) {

}
