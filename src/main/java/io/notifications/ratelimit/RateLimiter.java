package io.notifications.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Only the most recently seen callers' buckets (or handles on the shared ones) are kept:
 * a caller forgotten has mostly been idle long enough for the buckets to refill.
 */
public final class RateLimiter {

	/** Two small buckets each. */
	static final int MAX_CALLERS = 10_000;

	/**
	 * While the database is away, memory serves this long before the store is tried
	 * again.
	 */
	static final Duration SHARED_RETRY = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(RateLimiter.class);

	private final BucketConfiguration requests;

	private final BucketConfiguration writes;

	/**
	 * A shared bucket's key names the limits it was made with: a bucket keeps the limits
	 * it was stored with, so a change of settings starts new buckets, and instances with
	 * other settings each keep to their own.
	 */
	private final String requestsKey;

	private final String writesKey;

	private final ProxyManager<String> shared;

	private final LongSupplier nanoTime;

	/** The server's clock, which a test may steer. */
	private final TimeMeter clock;

	private final Cache<String, CallerBuckets> local = Caffeine.newBuilder().maximumSize(MAX_CALLERS).build();

	private final Cache<String, CallerBuckets> remote = Caffeine.newBuilder().maximumSize(MAX_CALLERS).build();

	private volatile long sharedFailedUntil;

	private volatile boolean sharedFailed;

	private final AtomicBoolean probing = new AtomicBoolean();

	/**
	 * @param shared {@code null} for memory only
	 */
	RateLimiter(RateLimitProperties limits, ProxyManager<String> shared, LongSupplier nanoTime, Clock clock) {
		this.requests = BucketConfiguration.builder()
			.addLimit(tier(limits.requestsPerMinute(), Duration.ofMinutes(1)))
			.addLimit(tier(limits.requestsPerHour(), Duration.ofHours(1)))
			.addLimit(tier(limits.requestsPerDay(), Duration.ofDays(1)))
			.build();
		this.writes = BucketConfiguration.builder()
			.addLimit(tier(limits.writesPerMinute(), Duration.ofMinutes(1)))
			.addLimit(tier(limits.writesPerDay(), Duration.ofDays(1)))
			.build();
		this.requestsKey = "requests:%d/min,%d/h,%d/day:".formatted(limits.requestsPerMinute(),
				limits.requestsPerHour(), limits.requestsPerDay());
		this.writesKey = "writes:%d/min,%d/day:".formatted(limits.writesPerMinute(), limits.writesPerDay());
		this.shared = shared;
		this.nanoTime = nanoTime;
		this.clock = new ClockTime(clock);
	}

	/**
	 * @return empty if the request may go on, else how long until it could
	 */
	Optional<Duration> tryAcquire(String caller, boolean write) {
		if (this.shared != null) {
			// once the store has failed, one request at a time sees whether it is back
			boolean probe = this.sharedFailed;
			if (!probe || (this.nanoTime.getAsLong() - this.sharedFailedUntil >= 0
					&& this.probing.compareAndSet(false, true))) {
				try {
					Optional<Duration> wait = tryAcquire(buckets(this.remote, caller, true), write);
					if (probe) {
						this.sharedFailed = false;
					}
					return wait;
				}
				catch (RuntimeException ex) {
					storeFailed(ex);
				}
				finally {
					if (probe) {
						this.probing.set(false);
					}
				}
			}
		}
		return tryAcquire(buckets(this.local, caller, false), write);
	}

	/** Said once a window, however many requests were waiting on the store. */
	private synchronized void storeFailed(RuntimeException ex) {
		long now = this.nanoTime.getAsLong();
		if (!this.sharedFailed || now - this.sharedFailedUntil >= 0) {
			logger.warn("The shared rate-limit buckets are unavailable; limiting in memory for " + SHARED_RETRY + ": "
					+ ex.getMessage());
		}
		this.sharedFailedUntil = now + SHARED_RETRY.toNanos();
		this.sharedFailed = true;
	}

	private static Optional<Duration> tryAcquire(CallerBuckets buckets, boolean write) {
		ConsumptionProbe request = buckets.requests().consume();
		if (!request.isConsumed()) {
			return Optional.of(Duration.ofNanos(request.getNanosToWaitForRefill()));
		}
		if (write) {
			ConsumptionProbe writeProbe = buckets.writes().consume();
			if (!writeProbe.isConsumed()) {
				buckets.requests().giveBack();
				return Optional.of(Duration.ofNanos(writeProbe.getNanosToWaitForRefill()));
			}
		}
		return Optional.empty();
	}

	private CallerBuckets buckets(Cache<String, CallerBuckets> callers, String caller, boolean remote) {
		// atomically: a caller's first requests never race to create two sets
		return callers.get(caller, (key) -> remote ? sharedBuckets(key) : localBuckets());
	}

	private CallerBuckets localBuckets() {
		return new CallerBuckets(
				CallerBucket.inMemory(Bucket.builder()
					.addLimit(this.requests.getBandwidths()[0])
					.addLimit(this.requests.getBandwidths()[1])
					.addLimit(this.requests.getBandwidths()[2])
					.withCustomTimePrecision(this.clock)
					.build()),
				CallerBucket.inMemory(Bucket.builder()
					.addLimit(this.writes.getBandwidths()[0])
					.addLimit(this.writes.getBandwidths()[1])
					.withCustomTimePrecision(this.clock)
					.build()));
	}

	/** Batched: each request waited on the row lock, holding a pooled connection. */
	private CallerBuckets sharedBuckets(String caller) {
		RemoteBucketBuilder<String> batched = this.shared.builder().withOptimization(Optimizations.batching());
		return new CallerBuckets(
				CallerBucket.shared(batched.build(this.requestsKey + caller, () -> this.requests),
						this.shared.builder().build(this.requestsKey + caller, () -> this.requests)),
				CallerBucket.shared(batched.build(this.writesKey + caller, () -> this.writes),
						this.shared.builder().build(this.writesKey + caller, () -> this.writes)));
	}

	private static Bandwidth tier(int tokens, Duration period) {
		return Bandwidth.builder().capacity(tokens).refillGreedy(tokens, period).build();
	}

}
