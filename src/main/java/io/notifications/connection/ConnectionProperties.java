package io.notifications.connection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How long and how much a client may take to send a request body
 * ({@code notifications.connection.*}).
 *
 * @param bodyTimeout the deadline for receiving a whole request body, from the end of its
 * headers; a body not received by then is answered with 408 (9 s by default: the
 * contract's "within 10 s of the last byte", with room for the answer to be sent)
 * @param maxBufferedBodies the bytes of request bodies that may be held in memory at
 * once, over all requests; a body that would pass it is answered with 503
 */
@Validated
@ConfigurationProperties("notifications.connection")
public record ConnectionProperties(@DefaultValue("9s") Duration bodyTimeout,
		@DefaultValue("32MB") DataSize maxBufferedBodies) {

	public ConnectionProperties {
		if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
			throw new IllegalArgumentException("notifications.connection.body-timeout must be positive");
		}
		if (maxBufferedBodies.toBytes() < BodyReadingFilter.MAX_BODY_BYTES + 1) {
			throw new IllegalArgumentException(
					"notifications.connection.max-buffered-bodies must be more than 1 MiB: one whole request body "
							+ "and the byte past it that shows a chunked body too large");
		}
	}

}
