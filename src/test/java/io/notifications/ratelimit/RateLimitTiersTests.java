package io.notifications.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.notifications.ephemeral.SteeredClock;

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
		RateLimiter limiter = new RateLimiter(new RateLimitProperties(true, 2, 120, 5000, 5000, 200000),
				unavailable(attempts::incrementAndGet), now::get, Clock.systemUTC());

		assertThat(limiter.tryAcquire("user:a", true)).isEmpty();
		assertThat(limiter.tryAcquire("user:a", true)).isEmpty();
		assertThat(limiter.tryAcquire("user:a", true)).isPresent();
		// the store is tried once, then left alone for 10 s, then tried again
		assertThat(attempts).hasValue(1);
		now.addAndGet(RateLimiter.SHARED_RETRY.toNanos());
		assertThat(limiter.tryAcquire("user:a", false)).isEmpty();
		assertThat(attempts).hasValue(2);
		// and again after each pause, not given up after one failed probe
		now.addAndGet(RateLimiter.SHARED_RETRY.toNanos());
		assertThat(limiter.tryAcquire("user:a", false)).isEmpty();
		assertThat(attempts).hasValue(3);
	}

	/** On the server's clock, which ephemeral mode steers. */
	@Test
	void bucketsRefillAsTheServersClockMoves() {
		SteeredClock clock = new SteeredClock(Instant.parse("2025-01-15T10:30:00Z"));
		clock.fix(Instant.parse("2025-01-15T10:30:00Z"));
		RateLimiter limiter = new RateLimiter(new RateLimitProperties(true, 2, 120, 5000, 5000, 200000), null,
				System::nanoTime, clock);
		assertThat(limiter.tryAcquire("user:a", true)).isEmpty();
		assertThat(limiter.tryAcquire("user:a", true)).isEmpty();
		assertThat(limiter.tryAcquire("user:a", true)).isPresent();
		// two a minute: one back every 30 s
		clock.advance(Duration.ofMillis(30_500));
		assertThat(limiter.tryAcquire("user:a", true)).isEmpty();
		assertThat(limiter.tryAcquire("user:a", true)).isPresent();
	}

	/**
	 * After the pause, one request sees whether the store is back; the others go on in
	 * memory instead of each waiting for a connection (and each logging its failure).
	 */
	@Test
	void aStoreThatFailedIsProbedByOneRequestAtATime() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		AtomicLong now = new AtomicLong();
		CountDownLatch probing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		RateLimiter limiter = new RateLimiter(new RateLimitProperties(true, 2, 120, 5000, 5000, 200000),
				unavailable(() -> {
					if (attempts.incrementAndGet() > 1) {
						probing.countDown();
						await(release);
					}
				}), now::get, Clock.systemUTC());
		assertThat(limiter.tryAcquire("user:a", false)).isEmpty();
		now.addAndGet(RateLimiter.SHARED_RETRY.toNanos());

		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<Optional<Duration>> probe = executor.submit(() -> limiter.tryAcquire("user:a", false));
			assertThat(probing.await(10, TimeUnit.SECONDS)).isTrue();
			long start = System.nanoTime();
			assertThat(limiter.tryAcquire("user:b", false)).isEmpty();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			assertThat(attempts).hasValue(2);
			release.countDown();
			assertThat(probe.get(10, TimeUnit.SECONDS)).isEmpty();
		}
		finally {
			release.countDown();
			executor.shutdownNow();
		}
	}

	/** Shared buckets whose database is away; each attempt runs {@code attempt} first. */
	private static ProxyManager<String> unavailable(Runnable attempt) {
		return new ProxyManager<>() {

			@Override
			public RemoteBucketBuilder<String> builder() {
				attempt.run();
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
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
