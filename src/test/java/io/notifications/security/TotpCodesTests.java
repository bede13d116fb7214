package io.notifications.security;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TotpCodes} against RFC 6238's test vectors (Appendix B, HMAC-SHA1), and its skew
 * window.
 */
class TotpCodesTests {

	/** The RFC's SHA-1 seed, "12345678901234567890". */
	static final Key KEY = new SecretKeySpec("12345678901234567890".getBytes(StandardCharsets.US_ASCII), "HmacSHA1");

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void codesAreThoseOfRfc6238(long seconds, String code) {
		Instant at = Instant.ofEpochSecond(seconds);

		assertThat(new TotpCodes(Duration.ofSeconds(30), 8).code(KEY, at)).isEqualTo(code);
		// six digits are the last six of the same number
		assertThat(new TotpCodes(Duration.ofSeconds(30), 6).code(KEY, at)).isEqualTo(code.substring(2));
	}

	@Test
	void oneStepOfSkewEitherWayIsAcceptedAndNoMore() {
		TotpCodes codes = new TotpCodes(Duration.ofSeconds(30), 6);
		Instant now = Instant.ofEpochSecond(1111111111);
		long step = 1111111111 / 30;

		assertThat(codes.step(now)).isEqualTo(step);
		assertThat(codes.matchingStep(KEY, "050471", now)).hasValue(step);
		assertThat(codes.matchingStep(KEY, codes.code(KEY, now.minusSeconds(30)), now)).hasValue(step - 1);
		assertThat(codes.matchingStep(KEY, codes.code(KEY, now.plusSeconds(30)), now)).hasValue(step + 1);
		assertThat(codes.matchingStep(KEY, codes.code(KEY, now.minusSeconds(60)), now)).isEmpty();
		assertThat(codes.matchingStep(KEY, codes.code(KEY, now.plusSeconds(60)), now)).isEmpty();
		assertThat(codes.matchingStep(KEY, "50471", now)).isEmpty();
		assertThat(codes.matchingStep(KEY, "0504710", now)).isEmpty();
	}

}
