package io.notifications.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tier of Nexudus's limits applies, each to its own callers: writes per day under a
 * generous per-minute limit, requests per hour likewise; and the limits hold in memory
 * while the shared buckets cannot be reached.
 */
class RateLimitTiersTests {

	@Test
	void theDailyWriteLimitAppliesUnderTheMinuteLimit() {
		RateLimiter limiter = new RateLimiter(new RateLimitProperties(true, 60, 120, 3, 5000, 200000), null,
				System::nanoTime, Clock.systemUTC());
		for (int write = 0; write < 3; write++) {
			assertThat(limiter.tryAcquire("user:a", true)).isEmpty();
		}
		Optional<Duration> wait = limiter.tryAcquire("user:a", true);
		// a day's 3 writes refill one every 8 hours
		assertThat(wait).hasValueSatisfying((duration) -> assertThat(duration).isGreaterThan(Duration.ofHours(7)));
		assertThat(limiter.tryAcquire("user:a", false)).isEmpty();
		assertThat(limiter.tryAcquire("user:b", true)).isEmpty();
	}

	@Test
	void whileTheSharedBucketsFailTheLimitsHoldInMemory() {
		AtomicInteger attempts = new AtomicInteger();
		AtomicLong now = new AtomicLong();
		ProxyManager<String> unavailable = new ProxyManager<>() {

			@Override
			public RemoteBucketBuilder<String> builder() {
				attempts.incrementAndGet();
				throw new IllegalStateException("The database is away");
			}

			@Override
			public Optional<BucketConfiguration> getProxyConfiguration(String key) {
				throw new IllegalStateException("The database is away");
			}

			@Override
			public void removeProxy(String key) {
			}

			@Override
			public boolean isAsyncModeSupported() {
				return false;
			}

			@Override
			public AsyncProxyManager<String> asAsync() {
				throw new UnsupportedOperationException();
			}

		};
		RateLimiter limiter = new RateLimiter(new RateLimitProperties(true, 2, 120, 5000, 5000, 200000), unavailable,
				now::get, Clock.systemUTC());

		assertThat(limiter.tryAcquire("user:a", true)).isEmpty();
		assertThat(limiter.tryAcquire("user:a", true)).isEmpty();
		assertThat(limiter.tryAcquire("user:a", true)).isPresent();
		// the store is tried once, then left alone for 10 s, then tried again
		assertThat(attempts).hasValue(1);
		now.addAndGet(RateLimiter.SHARED_RETRY.toNanos());
		assertThat(limiter.tryAcquire("user:a", false)).isEmpty();
		assertThat(attempts).hasValue(2);
	}

	@Test
	void theHourlyAndDailyRequestLimitsApply() {
		RateLimiter hourly = new RateLimiter(new RateLimitProperties(true, 60, 120, 5000, 2, 200000), null,
				System::nanoTime, Clock.systemUTC());
		RateLimiter daily = new RateLimiter(new RateLimitProperties(true, 60, 120, 5000, 5000, 2), null,
				System::nanoTime, Clock.systemUTC());
		for (RateLimiter limiter : new RateLimiter[] { hourly, daily }) {
			assertThat(limiter.tryAcquire("user:a", false)).isEmpty();
			assertThat(limiter.tryAcquire("user:a", false)).isEmpty();
			assertThat(limiter.tryAcquire("user:a", false)).isPresent();
		}
		assertThat(hourly.tryAcquire("user:a", false).get()).isGreaterThan(Duration.ofMinutes(29));
		assertThat(daily.tryAcquire("user:a", false).get()).isGreaterThan(Duration.ofHours(11));
	}

}
