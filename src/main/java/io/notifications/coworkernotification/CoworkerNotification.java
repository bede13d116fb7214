package io.notifications.coworkernotification;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A notification shown to one coworker (member) of a space.
 */
@Entity
@Table(name = "coworker_notifications")
class CoworkerNotification extends AuditedEntity {

	@Column(name = "coworker_id", nullable = false)
	private int coworkerId;

	@Column(name = "message", nullable = false, length = 4000)
	private String message;

	@Column(name = "notification_type", nullable = false, length = 100)
	private String notificationType;

	@Column(name = "entity_id", nullable = false)
	private int entityId;

	@Column(name = "is_dismissed", nullable = false)
	private boolean isDismissed;

	@Column(name = "system_id", length = 255)
	private String systemId;

	/** Replaces every writable field, as a Nexudus PUT does. */
	void replaceWith(CoworkerNotificationRequest request) {
		this.coworkerId = request.coworkerId();
		this.message = request.message();
		this.notificationType = request.notificationType();
		this.entityId = request.entityId();
		this.isDismissed = Boolean.TRUE.equals(request.isDismissed());
		this.systemId = request.systemId();
	}

	int getCoworkerId() {
		return this.coworkerId;
	}

	String getMessage() {
		return this.message;
	}

	String getNotificationType() {
		return this.notificationType;
	}

	int getEntityId() {
		return this.entityId;
	}

	boolean isDismissed() {
		return this.isDismissed;
	}

	String getSystemId() {
		return this.systemId;
	}

}
