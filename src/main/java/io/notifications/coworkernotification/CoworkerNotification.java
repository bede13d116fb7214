package io.notifications.coworkernotification;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A notification shown to one coworker (member) of a space. A PUT writes each field from the
 * request component of its name; the record reads them.
 */
@Entity
@Table(name = "coworker_notifications")
class CoworkerNotification extends AuditedEntity {

	@Column(name = "coworker_id", nullable = false)
	int coworkerId;

	@Column(name = "message", nullable = false, length = 4000)
	String message;

	@Column(name = "notification_type", nullable = false, length = 100)
	String notificationType;

	@Column(name = "entity_id", nullable = false)
	int entityId;

	@Column(name = "is_dismissed", nullable = false)
	boolean isDismissed;

	@Column(name = "system_id", length = 255)
	String systemId;

}
