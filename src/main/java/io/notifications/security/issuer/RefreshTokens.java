package io.notifications.security.issuer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The refresh tokens issued and not yet used, shared by every instance on the same database. Each
 * is kept only as the SHA-256 hash of its value. Plain SQL rather than a Spring Data repository:
 * four fixed statements did not justify the repository infrastructure's start-up cost (about a
 * tenth of the server's start, docs/performance.md).
 */
class RefreshTokens {

	private final JdbcClient jdbc;

	RefreshTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a newly issued token. */
	void save(String tokenHash, String subject, Instant issuedAt, Instant expiresAt) {
		this.jdbc.sql("INSERT INTO refresh_tokens (token_hash, subject, issued_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(tokenHash, subject, utc(issuedAt), utc(expiresAt))
			.update();
	}

	/**
	 * Finds the subject of an unexpired refresh token by its hash.
	 * @param tokenHash the SHA-256 hash of the token's value
	 * @param now the current time
	 * @return the token's subject, if the token exists and has not expired
	 */
	Optional<String> findUsable(String tokenHash, Instant now) {
		return this.jdbc.sql("SELECT subject FROM refresh_tokens WHERE token_hash = ? AND expires_at > ?")
			.params(tokenHash, utc(now))
			.query(String.class)
			.optional();
	}

	/**
	 * Deletes a refresh token. Of several requests (on any instances) that use one token at once,
	 * only the one that deletes it wins.
	 * @param tokenHash the SHA-256 hash of the token's value
	 * @return 1 if this call deleted it, 0 if it was gone already
	 */
	int consume(String tokenHash) {
		return this.jdbc.sql("DELETE FROM refresh_tokens WHERE token_hash = ?").param(tokenHash).update();
	}

	/**
	 * Deletes the tokens that expired before the given time.
	 * @param now the current time
	 * @return how many were deleted
	 */
	int deleteExpired(Instant now) {
		return this.jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at <= ?").param(utc(now)).update();
	}

	/** JDBC drivers map {@link OffsetDateTime} to {@code TIMESTAMP WITH TIME ZONE}, not {@link Instant}. */
	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
