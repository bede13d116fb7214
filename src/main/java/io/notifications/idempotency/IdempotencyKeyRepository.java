package io.notifications.idempotency;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface IdempotencyKeyRepository extends JpaRepository<IdempotencyKey, IdempotencyKey.Id> {

	/** In the transaction of the request that holds the key. */
	@Transactional
	@Modifying
	@Query("""
			update IdempotencyKey k set k.responseStatus = ?4, k.responseBody = ?5, k.responseEtag = ?6
			where k.caller = ?1 and k.idempotencyKey = ?2 and k.claimedBy = ?3 and k.responseStatus is null""")
	int complete(String caller, String key, String owner, int status, String body, String etag);

	@Transactional
	@Modifying
	@Query("""
			delete from IdempotencyKey k
			where k.caller = ?1 and k.idempotencyKey = ?2 and k.claimedBy = ?3 and k.responseStatus is null""")
	int release(String caller, String key, String owner);

	@Transactional
	@Modifying
	@Query("""
			update IdempotencyKey k set k.claimedBy = ?4, k.createdOn = ?5
			where k.caller = ?1 and k.idempotencyKey = ?2 and k.claimedBy = ?3 and k.responseStatus is null""")
	int takeOver(String caller, String key, String previousOwner, String owner, Instant now);

	@Transactional
	@Modifying
	@Query("delete from IdempotencyKey k where k.caller = ?1 and k.idempotencyKey = ?2 and k.createdOn < ?3")
	int deleteExpired(String caller, String key, Instant before);

	@Transactional
	@Modifying
	@Query("delete from IdempotencyKey k where k.createdOn < ?1")
	int deleteCreatedBefore(Instant before);

	@Transactional
	@Modifying
	@Query("delete from IdempotencyKey k")
	int deleteEveryKey();

}
