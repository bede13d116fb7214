package io.notifications.security.issuer;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * The refresh tokens issued and not yet used, shared by every instance on the same
 * database.
 */
interface RefreshTokens extends JpaRepository<RefreshToken, String> {

	/** The token with this hash, if it has not expired at {@code now}. */
	@Query("select t from RefreshToken t where t.tokenHash = ?1 and t.expiresAt > ?2")
	Optional<RefreshToken> findUsable(String tokenHash, Instant now);

	/**
	 * Deletes a refresh token. Of several requests (on any instances) that use one token
	 * at once, only the one that deletes it wins.
	 * @return 1 if this call deleted it, 0 if it was gone already
	 */
	@Transactional
	@Modifying
	@Query("delete from RefreshToken t where t.tokenHash = ?1")
	int consume(String tokenHash);

	/** Deletes every refresh token of a user; answers how many. */
	@Transactional
	@Modifying
	@Query("delete from RefreshToken t where t.subject = ?1")
	int deleteBySubject(String subject);

	/** Deletes the tokens that expired at {@code now}; answers how many. */
	@Transactional
	@Modifying
	@Query("delete from RefreshToken t where t.expiresAt <= ?1")
	int deleteExpired(Instant now);

}
