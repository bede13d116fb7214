package io.notifications.security.issuer;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The refresh tokens issued and not yet used, shared by every instance on the same database.
 */
interface RefreshTokens extends JpaRepository<RefreshToken, String> {

	/**
	 * Finds an unexpired refresh token by its hash.
	 * @param tokenHash the SHA-256 hash of the token's value
	 * @param now the current time
	 * @return the token, if it exists and has not expired
	 */
	@Query("select t from RefreshToken t where t.tokenHash = :tokenHash and t.expiresAt > :now")
	Optional<RefreshToken> findUsable(String tokenHash, Instant now);

	/**
	 * Deletes a refresh token. Of several requests (on any instances) that use one token at once,
	 * only the one that deletes it wins.
	 * @param tokenHash the SHA-256 hash of the token's value
	 * @return 1 if this call deleted it, 0 if it was gone already
	 */
	@Modifying
	@Query("delete from RefreshToken t where t.tokenHash = :tokenHash")
	int consume(String tokenHash);

	/**
	 * Deletes every refresh token of a user.
	 * @param subject the user's name
	 * @return how many were deleted
	 */
	@Modifying
	@Query("delete from RefreshToken t where t.subject = :subject")
	int deleteBySubject(String subject);

	/**
	 * Deletes the tokens that expired before the given time.
	 * @param now the current time
	 * @return how many were deleted
	 */
	@Modifying
	@Query("delete from RefreshToken t where t.expiresAt <= :now")
	int deleteExpired(Instant now);

}
