package io.notifications.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * How a TOTP code's step is recorded: a replayed code is refused on the user's row, with
 * no insert tried (PostgreSQL logs each failed one as an ERROR). {@code TwoFactorTests}
 * proves the answers over HTTP.
 */
class UsedStepClaimTests {

	static final String USER = "editor@example.com";

	/** 20 bytes in Base32. */
	static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	static final Instant NOW = Instant.parse("2026-01-15T10:30:00Z");

	private final UsedSteps usedSteps = mock(UsedSteps.class);

	private final SecondFactor secondFactor;

	UsedStepClaimTests() {
		SecurityProperties properties = mock(SecurityProperties.class);
		given(properties.users())
			.willReturn(List.of(new SecurityProperties.User(USER, "{noop}secret", List.of(), SECRET)));
		this.secondFactor = new SecondFactor(properties, this.usedSteps, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void aReplayedCodeIsRefusedOnTheUsersRowWithoutAnInsert() {
		given(this.usedSteps.advance(anyString(), anyLong())).willReturn(0);
		given(this.usedSteps.existsById(USER)).willReturn(true);

		assertThatExceptionOfType(SecondFactorException.class)
			.isThrownBy(() -> this.secondFactor.check(USER, currentCode()));
		verify(this.usedSteps, never()).saveAndFlush(any());
	}

	@Test
	void aUsersFirstCodeIsInsertedAndASimultaneousOneRefused() {
		given(this.usedSteps.advance(anyString(), anyLong())).willReturn(0);
		given(this.usedSteps.existsById(USER)).willReturn(false);

		this.secondFactor.check(USER, currentCode());

		given(this.usedSteps.saveAndFlush(any())).willThrow(new DataIntegrityViolationException("duplicate key"));
		assertThatExceptionOfType(SecondFactorException.class)
			.isThrownBy(() -> this.secondFactor.check(USER, currentCode()));
	}

	private static String currentCode() {
		byte[] key = new org.apache.commons.codec.binary.Base32().decode(SECRET);
		return new TotpCodes(Duration.ofSeconds(30), 6).code(new SecretKeySpec(key, "HmacSHA1"), NOW);
	}

}
