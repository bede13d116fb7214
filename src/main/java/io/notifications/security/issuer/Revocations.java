package io.notifications.security.issuer;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** The token revocations every instance records and reads. */
interface Revocations extends JpaRepository<Revocation, Long> {

	/** The database's clock, which dates every revocation. */
	@Query("select instant")
	Instant databaseNow();

	/** The revocations recorded after a time of the database's clock. */
	@Query("select r from Revocation r where r.recordedAt > ?1")
	List<Revocation> findRecordedAfter(Instant since);

	/** The revocations that still concern unexpired tokens. */
	@Query("select r from Revocation r where r.expiresAt > ?1")
	List<Revocation> findUnexpired(Instant now);

	@Transactional
	@Modifying
	@Query("delete from Revocation r where r.expiresAt <= ?1")
	int deleteExpired(Instant now);

}
