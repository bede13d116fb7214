package io.notifications.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * How a key is claimed: a key already held is read, never inserted again, so that a
 * client's retries make no failed insert (PostgreSQL logs each one as an ERROR). The
 * answers themselves are proven over HTTP by {@code IdempotencyKeyTests}.
 */
class IdempotencyKeyClaimTests {

	static final Instant NOW = Instant.parse("2026-01-15T10:30:00Z");

	static final IdempotencyKey.Id ID = new IdempotencyKey.Id("admin@example.com", "key-1");

	private final IdempotencyKeyRepository repository = mock(IdempotencyKeyRepository.class);

	private final IdempotencyKeys keys = new IdempotencyKeys(this.repository, Clock.fixed(NOW, ZoneOffset.UTC),
			new IdempotencyProperties(Duration.ofHours(24), Duration.ofHours(1), Duration.ofMinutes(1)));

	@Test
	void aKeyAlreadyHeldIsReadAndNotInsertedAgain() {
		given(this.repository.findById(ID)).willReturn(Optional.of(held("hash-1")));

		assertThat(this.keys.claim(ID.caller(), ID.idempotencyKey(), "hash-1"))
			.isEqualTo(IdempotencyKeys.Refused.IN_FLIGHT);
		assertThat(this.keys.claim(ID.caller(), ID.idempotencyKey(), "hash-2"))
			.isEqualTo(IdempotencyKeys.Refused.DIFFERENT_REQUEST);
		verify(this.repository, never()).saveAndFlush(any());
	}

	@Test
	void aNewKeyIsInserted() {
		given(this.repository.findById(ID)).willReturn(Optional.empty());

		assertThat(this.keys.claim(ID.caller(), ID.idempotencyKey(), "hash-1"))
			.isInstanceOf(IdempotencyKeys.Claimed.class);
		verify(this.repository, times(1)).saveAndFlush(any());
	}

	@Test
	void aKeyClaimedConcurrentlyBetweenTheReadAndTheInsertIsReadAgain() {
		given(this.repository.findById(ID)).willReturn(Optional.empty(), Optional.of(held("hash-2")));
		given(this.repository.saveAndFlush(any())).willThrow(new DataIntegrityViolationException("duplicate key"));

		assertThat(this.keys.claim(ID.caller(), ID.idempotencyKey(), "hash-1"))
			.isEqualTo(IdempotencyKeys.Refused.DIFFERENT_REQUEST);
		verify(this.repository, times(1)).saveAndFlush(any());
	}

	/** Claimed a second ago by another request, which has not answered yet. */
	private static IdempotencyKey held(String requestHash) {
		return new IdempotencyKey(ID.caller(), ID.idempotencyKey(), requestHash, "another-request",
				NOW.minusSeconds(1));
	}

	/**
	 * A create that failed because the database went away could not release its claim
	 * either; a retry after the database is back must not be told the first request is
	 * still in flight, so the release is tried again until it happens.
	 */
	@Test
	void aClaimThatCouldNotBeReleasedIsReleasedWhenTheDatabaseAnswersAgain() {
		IdempotencyKeys.Claimed claim = new IdempotencyKeys.Claimed(ID.caller(), ID.idempotencyKey(), "owner-1");
		given(this.repository.release(ID.caller(), ID.idempotencyKey(), "owner-1"))
			.willThrow(new DataAccessResourceFailureException("The database is away"))
			.willThrow(new DataAccessResourceFailureException("The database is away"))
			.willReturn(1);

		this.keys.release(claim);
		this.keys.releaseUnreleased();
		this.keys.releaseUnreleased();
		this.keys.releaseUnreleased();

		verify(this.repository, times(3)).release(ID.caller(), ID.idempotencyKey(), "owner-1");
	}

}
