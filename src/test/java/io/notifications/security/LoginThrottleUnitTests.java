package io.notifications.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back-off of {@link LoginThrottle} and the memory of {@link VerifiedPasswords}, on a
 * clock the test moves (and with threads, for the checks that run once).
 */
class LoginThrottleUnitTests {

	/**
	 * As {@code System.nanoTime()} may read hours after boot, or below zero: only
	 * differences of readings mean anything (a sum passed with 1000 s).
	 */
	private final AtomicLong now = new AtomicLong(-Duration.ofHours(5).toNanos());

	@Test
	void eachFailurePastTheFreeOnesDoublesTheWaitUpToTheMaximum() {
		LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(true, 2, 1000, Duration.ofSeconds(1),
				Duration.ofSeconds(5), Duration.ofHours(1)), this.now::get);
		throttle.failed("user", "10.0.0.1");
		throttle.failed("user", "10.0.0.1");
		assertThat(throttle.wait("user", "10.0.0.1")).isEmpty();

		long[] expected = { 1, 2, 4, 5, 5 };
		for (long seconds : expected) {
			throttle.failed("user", "10.0.0.1");
			assertThat(throttle.wait("user", "10.0.0.1")).hasValue(Duration.ofSeconds(seconds));
			assertThat(throttle.wait("user", "10.0.0.2")).isEmpty();
			assertThat(throttle.wait("other", "10.0.0.1")).isEmpty();
			this.now.addAndGet(Duration.ofSeconds(seconds).toNanos());
			assertThat(throttle.wait("user", "10.0.0.1")).isEmpty();
		}
		// an hour later the failures are forgotten
		this.now.addAndGet(Duration.ofHours(1).toNanos() + 1);
		throttle.failed("user", "10.0.0.1");
		assertThat(throttle.wait("user", "10.0.0.1")).isEmpty();
	}

	@Test
	void aVerifiedPasswordIsRememberedForAWhileAndAWrongOneNever() {
		AtomicInteger checks = new AtomicInteger();
		PasswordEncoder delegating = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		VerifiedPasswords passwords = new VerifiedPasswords(checking(delegating, checks::incrementAndGet),
				Duration.ofMinutes(1), this.now::get);
		String encoded = delegating.encode("secret");
		String changed = delegating.encode("changed");

		assertThat(passwords.matches("secret", encoded)).isTrue();
		assertThat(passwords.matches("secret", encoded)).isTrue();
		assertThat(checks).hasValue(1);
		assertThat(passwords.matches("wrong", encoded)).isFalse();
		assertThat(passwords.matches("wrong", encoded)).isFalse();
		assertThat(checks).hasValue(3);
		// the same password against another hash (a changed password) is checked again
		assertThat(passwords.matches("secret", changed)).isFalse();
		assertThat(checks).hasValue(4);

		this.now.addAndGet(Duration.ofMinutes(1).toNanos());
		assertThat(passwords.matches("secret", encoded)).isTrue();
		assertThat(checks).hasValue(5);
	}

	@Test
	void requestsThatNeedTheSameCheckAtOnceWaitForOne() throws InterruptedException {
		AtomicInteger checks = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		PasswordEncoder delegating = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		String encoded = delegating.encode("secret");
		PasswordEncoder blocking = checking(delegating, () -> {
			checks.incrementAndGet();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		VerifiedPasswords passwords = new VerifiedPasswords(blocking, Duration.ofMinutes(1), this.now::get);
		List<Boolean> answers = new CopyOnWriteArrayList<>();
		List<Thread> requests = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Thread request = new Thread(() -> answers.add(passwords.matches("secret", encoded)));
			request.start();
			requests.add(request);
		}
		// every request is parked: one in the check, the others waiting for it
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (requests.stream().anyMatch((request) -> request.getState() != Thread.State.WAITING)
				&& System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		release.countDown();
		for (Thread request : requests) {
			request.join();
		}
		assertThat(answers).hasSize(8).containsOnly(true);
		assertThat(checks).hasValue(1);
	}

	/**
	 * {@code encoder}, running {@code beforeEachCheck} as each check of a password
	 * starts.
	 */
	private static PasswordEncoder checking(PasswordEncoder encoder, Runnable beforeEachCheck) {
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return encoder.encode(rawPassword);
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				beforeEachCheck.run();
				return encoder.matches(rawPassword, encodedPassword);
			}

		};
	}

}
