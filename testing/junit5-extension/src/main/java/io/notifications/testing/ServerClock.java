package io.notifications.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The server's clock ({@code /ephemeral/clock}, CONTRACT.md section 7), which everything that tells
 * time on the server reads: {@code CreatedOn}/{@code UpdatedOn}, token lifetimes, rate-limit windows
 * and the journal's {@code Time}. Setting or advancing it fixes it; the server's reset does not change
 * it, and the extension puts it back where the server started before each test.
 *
 * <pre>{@code
 * nexudus.clock().set(Instant.parse("2025-01-15T10:30:00Z"));
 * nexudus.clock().advance(Duration.ofDays(8));   // a week's token has now expired
 * nexudus.clock().useSystemTime();               // running with the system's time again
 * }</pre>
 */
public final class ServerClock {

	static final String PATH = "/ephemeral/clock";

	private final ServerConnection connection;

	private final Runnable onChange;

	ServerClock(ServerConnection connection, Runnable onChange) {
		this.connection = connection;
		this.onChange = onChange;
	}

	/** The server's time. */
	public Instant now() {
		return read().now();
	}

	/** The server's time and whether the clock stands still. */
	public ClockReading read() {
		return ClockReading.from(JsonFields.of(this.connection.steer("GET", PATH, null), "The clock"));
	}

	/** Sets the clock to {@code now} (it may go backwards) and fixes it there. */
	public ClockReading set(Instant now) {
		return change("POST", Map.of("Now", now.toString()));
	}

	/** Moves the clock on by {@code duration}, in whole seconds, and fixes it there. */
	public ClockReading advance(Duration duration) {
		if (duration.getNano() != 0) {
			throw new IllegalArgumentException("The clock advances by whole seconds, not " + duration);
		}
		return change("POST", Map.of("AdvanceSeconds", duration.getSeconds()));
	}

	/**
	 * Lets the clock run with the system's time again ({@code DELETE /ephemeral/clock}), whether a test
	 * or {@code @NotificationsServer(clock)} stopped it.
	 */
	public ClockReading useSystemTime() {
		return change("DELETE", null);
	}

	private ClockReading change(String method, Map<String, Object> body) {
		try {
			return ClockReading.from(JsonFields.of(this.connection.steer(method, PATH, body), "The clock"));
		}
		finally {
			// tokens issued before may have expired, or not be valid yet, at the new time
			this.onChange.run();
		}
	}

}
