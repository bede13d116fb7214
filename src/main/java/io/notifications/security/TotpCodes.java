package io.notifications.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * The codes are java-otp's; this class chooses the steps to try and compares in constant
 * time.
 */
final class TotpCodes {

	/** Steps tried on each side of the current one. */
	static final int SKEW_STEPS = 1;

	private final TimeBasedOneTimePasswordGenerator generator;

	TotpCodes(Duration step, int digits) {
		this.generator = new TimeBasedOneTimePasswordGenerator(step, digits);
	}

	String code(Key key, Instant at) {
		try {
			return this.generator.generateOneTimePasswordString(key, at);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("A TOTP key must be usable with HmacSHA1", ex);
		}
	}

	/** RFC 6238's T. */
	long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), this.generator.getTimeStep().getSeconds());
	}

	/** The latest step within the skew whose code is the one given. */
	OptionalLong matchingStep(Key key, String code, Instant now) {
		byte[] given = code.getBytes(StandardCharsets.US_ASCII);
		long current = step(now);
		for (long step = current + SKEW_STEPS; step >= current - SKEW_STEPS; step--) {
			Instant at = Instant.ofEpochSecond(step * this.generator.getTimeStep().getSeconds());
			if (MessageDigest.isEqual(code(key, at).getBytes(StandardCharsets.US_ASCII), given)) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

}
