package io.notifications.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed sign-ins with a doubling back-off. A user name is counted per address, so that a
 * guesser elsewhere cannot lock the real user out; the address alone, so that trying many
 * user names is throttled too. Sign-ins of one user at one address take turns, each
 * counted before the next is let through: guesses sent at once had all passed before the
 * first was counted (33 of 60 were checked).
 */
final class LoginThrottle {

	static final int MAX_KEYS = 20_000;

	private final LoginThrottleProperties properties;

	private final LongSupplier nanoTime;

	private final Cache<String, Failures> failures = Caffeine.newBuilder().maximumSize(MAX_KEYS).build();

	/** Kept while a sign-in holds or waits for one. */
	private final Cache<String, Semaphore> turns = Caffeine.newBuilder().weakValues().build();

	private final ThreadLocal<Turn> held = new ThreadLocal<>();

	LoginThrottle(LoginThrottleProperties properties, LongSupplier nanoTime) {
		this.properties = properties;
		this.nanoTime = nanoTime;
	}

	Optional<Duration> wait(String username, String address) {
		long now = this.nanoTime.getAsLong();
		long until = Math.max(blockedUntil(addressKey(address), now),
				(username != null) ? blockedUntil(userKey(username, address), now) : now);
		return (until > now) ? Optional.of(Duration.ofNanos(until - now)) : Optional.empty();
	}

	/**
	 * Waits until the sign-ins before this one, of the user at the address, are counted.
	 */
	Turn takeTurn(String username, String address) {
		Semaphore turn = this.turns.get(userKey(username, address), (key) -> new Semaphore(1));
		turn.acquireUninterruptibly();
		Turn taken = new Turn(turn);
		this.held.set(taken);
		return taken;
	}

	void failed(String username, String address) {
		long now = this.nanoTime.getAsLong();
		count(userKey(username, address), this.properties.userFailures(), now);
		count(addressKey(address), this.properties.addressFailures(), now);
		endTurn();
	}

	void succeeded(String username, String address) {
		this.failures.invalidate(userKey(username, address));
		endTurn();
	}

	/** Counted, on the sign-in's own thread: the next may go on. */
	private void endTurn() {
		Turn turn = this.held.get();
		if (turn != null) {
			turn.close();
		}
	}

	private long blockedUntil(String key, long now) {
		Failures known = this.failures.getIfPresent(key);
		return (known != null && !forgotten(known, now)) ? known.blockedUntil() : now;
	}

	private void count(String key, int free, long now) {
		this.failures.asMap().compute(key, (name, known) -> {
			int count = (known != null && !forgotten(known, now)) ? known.count() + 1 : 1;
			long blockedUntil = now;
			if (count > free) {
				long max = this.properties.maxWait().toNanos();
				long wait = Math.min(this.properties.firstWait().toNanos(), max);
				for (int doubling = free + 1; doubling < count && wait < max; doubling++) {
					wait = Math.min(wait * 2, max);
				}
				blockedUntil = now + wait;
			}
			return new Failures(count, now, blockedUntil);
		});
	}

	private boolean forgotten(Failures known, long now) {
		return now - known.last() > this.properties.forgetAfter().toNanos();
	}

	/** In one case, as the user store finds users: {@code Admin@} is {@code admin@}. */
	private static String userKey(String username, String address) {
		return "user:" + address + ":" + username.toLowerCase(Locale.ROOT);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	private record Failures(int count, long last, long blockedUntil) {
	}

	/** Ended when the sign-in is counted, or else when its request is. */
	final class Turn implements AutoCloseable {

		private final Semaphore semaphore;

		private boolean ended;

		private Turn(Semaphore semaphore) {
			this.semaphore = semaphore;
		}

		@Override
		public void close() {
			if (!this.ended) {
				this.ended = true;
				LoginThrottle.this.held.remove();
				this.semaphore.release();
			}
		}

	}

}
