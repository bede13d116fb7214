package io.notifications.coworkernotification;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The repository on the Flyway schema (Hibernate validates the mapping against it).
 */
@DataJpaTest
@ActiveProfiles("test")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class CoworkerNotificationsTests {

	@Autowired
	CoworkerNotifications notifications;

	@Autowired
	TestEntityManager entities;

	@Test
	void savedNotificationIsReadBackWithItsServerManagedFields() {
		CoworkerNotification saved = this.notifications.saveAndFlush(notification("Hello"));
		this.entities.clear();

		CoworkerNotification found = this.notifications.findById(saved.getId()).orElseThrow();
		assertThat(found.getMessage()).isEqualTo("Hello");
		assertThat(found.getUniqueId()).isEqualTo(saved.getUniqueId());
		assertThat(found.getCreatedOn()).isEqualTo(Instant.parse("2025-01-15T10:30:00Z"));
		assertThat(found.getUpdatedBy()).isEqualTo("admin@example.com");
		assertThat(found.isNew()).isTrue();
		assertThat(found.getVersion()).isZero();
	}

	@Test
	void findForUpdateFindsOnlyExistingRecords() {
		CoworkerNotification saved = this.notifications.saveAndFlush(notification("Locked"));

		assertThat(this.notifications.findForUpdate(saved.getId())).contains(saved);
		assertThat(this.notifications.findForUpdate(saved.getId() + 1000)).isEmpty();
	}

	@Test
	void eachUpdateIncrementsTheVersion() {
		CoworkerNotification saved = this.notifications.saveAndFlush(notification("v0"));
		saved.replaceWith(request("v1"));
		saved.markUpdated("editor@example.com", Instant.parse("2025-01-16T00:00:00Z"));
		this.notifications.saveAndFlush(saved);

		assertThat(saved.getVersion()).isEqualTo(1);
		assertThat(saved.isNew()).isFalse();
	}

	@Test
	void aStaleCopyCannotOverwriteANewerVersion() {
		CoworkerNotification saved = this.notifications.saveAndFlush(notification("v0"));
		this.entities.getEntityManager().createNativeQuery("UPDATE coworker_notifications SET version = 7 WHERE id = ?1")
			.setParameter(1, saved.getId())
			.executeUpdate();
		saved.replaceWith(request("stale"));

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.notifications.saveAndFlush(saved))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
	}

	private static CoworkerNotification notification(String message) {
		CoworkerNotification notification = new CoworkerNotification();
		notification.replaceWith(request(message));
		notification.markCreated("admin@example.com", Instant.parse("2025-01-15T10:30:00.123Z"));
		return notification;
	}

	private static CoworkerNotificationRequest request(String message) {
		return new CoworkerNotificationRequest(null, 5, message, "blog", 0, false, null);
	}

}
