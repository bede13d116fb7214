package io.notifications.security.issuer;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface Revocations extends JpaRepository<Revocation, Long> {

	/** The database's clock: one for all instances. */
	@Query("select instant")
	Instant databaseNow();

	@Query("select r from Revocation r where r.recordedAt > ?1")
	List<Revocation> findRecordedAfter(Instant since);

	@Query("select r from Revocation r where r.expiresAt > ?1")
	List<Revocation> findUnexpired(Instant now);

	@Transactional
	@Modifying
	@Query("delete from Revocation r where r.expiresAt <= ?1")
	int deleteExpired(Instant now);

}
