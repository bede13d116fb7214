package io.notifications.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The buckets of every recent caller: one of all requests and one of writes, each refilling
 * continuously (a full bucket a minute). Only the most recently seen callers are kept; a caller
 * forgotten is one idle long enough for their buckets to have refilled in most cases, so forgetting
 * them costs little.
 */
final class RateLimiter {

	/** At most this many callers' buckets are kept (two small buckets each). */
	static final int MAX_CALLERS = 10_000;

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final RateLimitProperties limits;

	private final Map<String, CallerBuckets> callers;

	RateLimiter(RateLimitProperties limits) {
		this.limits = limits;
		// an access-ordered LinkedHashMap is an LRU; one short lock per request keeps a caller's
		// first requests from racing to create two sets of buckets
		this.callers = new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, CallerBuckets> eldest) {
				return size() > MAX_CALLERS;
			}

		};
	}

	/**
	 * Takes one request (and one write, for a write) from the caller's buckets.
	 * @param caller the key of the caller
	 * @param write whether the request writes (PUT, POST, DELETE)
	 * @return empty if the request may go on, else how long until it could
	 */
	Optional<Duration> tryAcquire(String caller, boolean write) {
		CallerBuckets buckets;
		synchronized (this.callers) {
			buckets = this.callers.computeIfAbsent(caller, (key) -> newBuckets());
		}
		ConsumptionProbe request = buckets.requests().tryConsumeAndReturnRemaining(1);
		if (!request.isConsumed()) {
			return Optional.of(Duration.ofNanos(request.getNanosToWaitForRefill()));
		}
		if (write) {
			ConsumptionProbe writeProbe = buckets.writes().tryConsumeAndReturnRemaining(1);
			if (!writeProbe.isConsumed()) {
				// a refused request does not count against the caller's requests
				buckets.requests().addTokens(1);
				return Optional.of(Duration.ofNanos(writeProbe.getNanosToWaitForRefill()));
			}
		}
		return Optional.empty();
	}

	private CallerBuckets newBuckets() {
		return new CallerBuckets(perMinute(this.limits.requestsPerMinute()), perMinute(this.limits.writesPerMinute()));
	}

	private static Bucket perMinute(int tokens) {
		return Bucket.builder().addLimit(Bandwidth.builder().capacity(tokens).refillGreedy(tokens, MINUTE).build()).build();
	}

	/** One caller's buckets. */
	private record CallerBuckets(Bucket requests, Bucket writes) {
	}

}
