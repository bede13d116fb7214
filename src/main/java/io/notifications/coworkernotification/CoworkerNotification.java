package io.notifications.coworkernotification;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A notification shown to one coworker (member) of a space. A PUT writes each field from
 * the request component of its name; the record reads them. Columns are named as Boot
 * names them ({@code coworkerId} is {@code coworker_id}); their lengths and constraints
 * are in the migration.
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
