package io.notifications.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock in the end-to-end tests: the system's, until a test fixes it or
 * moves it, so that a test whose subject is time sets the time instead of waiting for it.
 * {@link ApiTestSupport} puts it back after each test.
 */
public final class MovableClock extends Clock {

	private volatile Instant fixed;

	private volatile Duration offset = Duration.ZERO;

	/** Stops the clock at this instant. */
	public void fix(Instant instant) {
		this.fixed = instant;
	}

	/** Moves the clock forward, fixed or not. */
	public void advance(Duration duration) {
		Instant stopped = this.fixed;
		if (stopped != null) {
			this.fixed = stopped.plus(duration);
		}
		else {
			this.offset = this.offset.plus(duration);
		}
	}

	/** Back to the system's clock. */
	public void reset() {
		this.fixed = null;
		this.offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		Instant stopped = this.fixed;
		return (stopped != null) ? stopped : Instant.now().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The server's clock is in UTC");
	}

}
