package io.notifications.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long {@code Idempotency-Key}s are kept.
 *
 * @param retention a retry within it gets the stored answer; after it the key is free
 * again
 * @param inFlightTimeout how long a request may hold a key before a retry may take it
 * over (its process may have died); the first request then fails rather than create a
 * second record
 */
@ConfigurationProperties("notifications.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention, @DefaultValue("1h") Duration pruneInterval,
		@DefaultValue("1m") Duration inFlightTimeout) {

	public IdempotencyProperties {
		for (Duration duration : new Duration[] { retention, pruneInterval, inFlightTimeout }) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("notifications.idempotency durations must be positive: " + duration);
			}
		}
	}

}
