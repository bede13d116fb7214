package io.notifications.systemnotification;

import java.time.Instant;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A PUT writes each field from the request component of its name; ApprovedBy and
 * ApprovedOn have none, so they are read-only. Column lengths and constraints are in the
 * migration.
 */
@Entity
@Table(name = "system_notifications")
class SystemNotification extends AuditedEntity {

	String title;

	Severity severity;

	Instant startTime;

	String shortDescription;

	String description;

	MessageType messageType;

	Instant publishOn;

	Instant unPublishOn;

	String resolutionDescription;

	boolean resolved;

	Instant resolvedOn;

	boolean displayToAdmins;

	String displayToSettingIntegrations;

	String displayToSettingGeneral;

	String displayToPortalVersion;

	boolean hasButton;

	String buttonLabel;

	String buttonUrl;

	String systemId;

	String approvedBy;

	Instant approvedOn;

}
