package io.notifications.testing;

import java.time.Instant;

/**
 * The server's clock ({@code GET /ephemeral/clock}, CONTRACT.md section 7).
 *
 * @param now the server's time
 * @param fixed whether the clock stands still (set by {@code notifications.ephemeral.clock} or by a
 * {@link ServerClock#set(Instant) set} or {@link ServerClock#advance(java.time.Duration) advance}), or
 * follows the system's
 */
public record ClockReading(Instant now, boolean fixed) {

	static ClockReading from(JsonFields json) {
		return new ClockReading(json.instant("Now"), json.has("Fixed") && json.bool("Fixed"));
	}

}
