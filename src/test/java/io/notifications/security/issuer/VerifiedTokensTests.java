package io.notifications.security.issuer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A remembered signature never lets through a token that validation refuses at that
 * moment.
 */
class VerifiedTokensTests {

	static final Instant ISSUED = Instant.parse("2025-01-15T10:00:00Z");

	final AtomicReference<Instant> now = new AtomicReference<>(ISSUED);

	final AtomicInteger verifications = new AtomicInteger();

	final JwtTimestampValidator expiry = new JwtTimestampValidator(java.time.Duration.ZERO);

	@Test
	void aTokenIsVerifiedOnceAndValidatedOnEveryUse() {
		VerifiedTokens tokens = new VerifiedTokens(decoder(), this.expiry, 10);

		assertThat(tokens.decode("token-a").getSubject()).isEqualTo("token-a");
		assertThat(tokens.decode("token-a").getSubject()).isEqualTo("token-a");
		assertThat(tokens.decode("token-b").getSubject()).isEqualTo("token-b");

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aRememberedTokenIsRefusedOnceItHasExpired() {
		VerifiedTokens tokens = new VerifiedTokens(decoder(), this.expiry, 10);
		tokens.decode("token-a");

		this.now.set(ISSUED.plusSeconds(3601));

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> tokens.decode("token-a"))
			.withMessageContaining("Jwt expired");
		// forgotten: the next use goes through the full decoder, which refuses it as well
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> tokens.decode("token-a"));
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenTheDecoderRefusesIsNeverRemembered() {
		VerifiedTokens tokens = new VerifiedTokens(decoder(), this.expiry, 10);

		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> tokens.decode("forged"));
		}
		assertThat(this.verifications).hasValue(3);
	}

	/** Stands for signature verification plus the same validation: counts its calls. */
	private JwtDecoder decoder() {
		this.expiry.setClock(new Clock() {

			@Override
			public Instant instant() {
				return VerifiedTokensTests.this.now.get();
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

		});
		return (token) -> {
			this.verifications.incrementAndGet();
			if (token.equals("forged")) {
				throw new IllegalArgumentException("bad signature");
			}
			Jwt jwt = Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject(token)
				.issuedAt(ISSUED)
				.expiresAt(ISSUED.plusSeconds(3600))
				.build();
			if (this.expiry.validate(jwt).hasErrors()) {
				throw new JwtValidationException("expired", this.expiry.validate(jwt).getErrors());
			}
			return jwt;
		};
	}

}
