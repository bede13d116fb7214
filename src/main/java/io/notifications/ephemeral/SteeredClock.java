package io.notifications.ephemeral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock in ephemeral mode: the system's, until a test fixes it or moves it
 * ({@code notifications.ephemeral.clock}, {@code POST /ephemeral/clock}). Everything the
 * server tells the time by reads it: records, envelopes, tokens and their validation,
 * refresh tokens, rate-limit windows and the request journal.
 */
public final class SteeredClock extends Clock {

	private volatile Instant fixed;

	/** The system's clock, or one standing still at {@code start} if given. */
	public SteeredClock(Instant start) {
		this.fixed = start;
	}

	/** Stops the clock at this instant, which may lie in the past. */
	public void fix(Instant instant) {
		this.fixed = instant;
	}

	/** Moves the clock by this much, forward or back, and leaves it standing there. */
	public void advance(Duration duration) {
		this.fixed = instant().plus(duration);
	}

	/** The system's clock again. */
	public void reset() {
		this.fixed = null;
	}

	/** Whether the clock stands still. */
	public boolean isFixed() {
		return this.fixed != null;
	}

	@Override
	public Instant instant() {
		Instant stopped = this.fixed;
		return (stopped != null) ? stopped : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/** A view in another zone that still follows this clock's steering. */
	@Override
	public Clock withZone(ZoneId zone) {
		SteeredClock steered = this;
		return ZoneOffset.UTC.equals(zone) ? this : new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return steered.withZone(other);
			}

			@Override
			public Instant instant() {
				return steered.instant();
			}

		};
	}

}
