package io.notifications.systemnotification;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The stored system notifications.
 */
interface SystemNotifications
		extends JpaRepository<SystemNotification, Integer>, JpaSpecificationExecutor<SystemNotification> {

	/**
	 * Loads a notification and locks its row until the transaction ends, so that concurrent
	 * replacements of one record run one after the other instead of failing.
	 * @param id the Id of the notification
	 * @return the locked notification, if it exists
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select n from SystemNotification n where n.id = :id")
	Optional<SystemNotification> findForUpdate(int id);

}
