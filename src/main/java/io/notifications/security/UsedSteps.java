package io.notifications.security;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * In the database, so that a code is accepted once (RFC 6238 section 5.2) by every
 * instance.
 */
interface UsedSteps extends JpaRepository<UsedStep, String> {

	/**
	 * One statement decides, so the same code on two instances cannot both succeed.
	 * @return 1 if the step is later, 0 if the user has a later or equal step or none yet
	 */
	@Transactional
	@Modifying
	@Query("update UsedStep s set s.lastStep = ?2 where s.username = ?1 and s.lastStep < ?2")
	int advance(String username, long step);

}
