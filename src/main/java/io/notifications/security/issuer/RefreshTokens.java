package io.notifications.security.issuer;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** Shared by every instance on the database. */
interface RefreshTokens extends JpaRepository<RefreshToken, String> {

	@Query("select t from RefreshToken t where t.tokenHash = ?1 and t.expiresAt > ?2")
	Optional<RefreshToken> findUsable(String tokenHash, Instant now);

	/**
	 * Of several requests, on any instances, that use one token at once, only the one
	 * that deletes it wins.
	 * @return 1 if this call deleted it
	 */
	@Transactional
	@Modifying
	@Query("delete from RefreshToken t where t.tokenHash = ?1")
	int consume(String tokenHash);

	@Transactional
	@Modifying
	@Query("delete from RefreshToken t where t.subject = ?1")
	int deleteBySubject(String subject);

	@Transactional
	@Modifying
	@Query("delete from RefreshToken t where t.expiresAt <= ?1")
	int deleteExpired(Instant now);

}
