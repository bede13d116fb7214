package io.notifications.coworkernotification;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A PUT writes each field from the request component of its name. Column lengths and
 * constraints are in the migration.
 */
@Entity
@Table(name = "coworker_notifications")
class CoworkerNotification extends AuditedEntity {

	int coworkerId;

	String message;

	String notificationType;

	int entityId;

	boolean isDismissed;

	String systemId;

}
