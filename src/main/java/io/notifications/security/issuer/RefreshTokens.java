package io.notifications.security.issuer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The refresh tokens issued and not yet used, shared by every instance on the same database. Each
 * is kept only as the SHA-256 hash of its value. Plain SQL rather than a Spring Data repository:
 * a few fixed statements did not justify the repository infrastructure's start-up cost (about a
 * tenth of the server's start, docs/performance.md).
 */
class RefreshTokens {

	private static final String SELECT = """
			SELECT token_hash, subject, issued_at, expires_at, credential_fingerprint, access_token_id
			FROM refresh_tokens""";

	private final JdbcClient jdbc;

	RefreshTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a newly issued token. */
	void save(RefreshToken token) {
		this.jdbc.sql("""
				INSERT INTO refresh_tokens
				  (token_hash, subject, issued_at, expires_at, credential_fingerprint, access_token_id)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(token.tokenHash(), token.subject(), utc(token.issuedAt()), utc(token.expiresAt()),
					token.credentialFingerprint(), token.accessTokenId())
			.update();
	}

	/**
	 * Finds an unexpired refresh token by its hash.
	 * @param tokenHash the SHA-256 hash of the token's value
	 * @param now the current time
	 * @return the token, if it exists and has not expired
	 */
	Optional<RefreshToken> findUsable(String tokenHash, Instant now) {
		return this.jdbc.sql(SELECT + " WHERE token_hash = ? AND expires_at > ?")
			.params(tokenHash, utc(now))
			.query(RefreshTokens::token)
			.optional();
	}

	/**
	 * Finds a refresh token by its hash, expired or not.
	 * @param tokenHash the SHA-256 hash of the token's value
	 * @return the token, if it is stored
	 */
	Optional<RefreshToken> findById(String tokenHash) {
		return this.jdbc.sql(SELECT + " WHERE token_hash = ?").param(tokenHash).query(RefreshTokens::token).optional();
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
	 * Deletes every refresh token of a user.
	 * @param subject the user's name
	 * @return how many were deleted
	 */
	int deleteBySubject(String subject) {
		return this.jdbc.sql("DELETE FROM refresh_tokens WHERE subject = ?").param(subject).update();
	}

	/**
	 * Deletes the tokens that expired before the given time.
	 * @param now the current time
	 * @return how many were deleted
	 */
	int deleteExpired(Instant now) {
		return this.jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at <= ?").param(utc(now)).update();
	}

	private static RefreshToken token(ResultSet row, int number) throws SQLException {
		return new RefreshToken(row.getString("token_hash"), row.getString("subject"),
				row.getObject("issued_at", OffsetDateTime.class).toInstant(),
				row.getObject("expires_at", OffsetDateTime.class).toInstant(), row.getString("credential_fingerprint"),
				row.getString("access_token_id"));
	}

	/** JDBC drivers map {@link OffsetDateTime} to {@code TIMESTAMP WITH TIME ZONE}, not {@link Instant}. */
	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
