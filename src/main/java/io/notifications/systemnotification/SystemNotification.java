package io.notifications.systemnotification;

import java.time.Instant;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A notification about the platform itself (an incident or an announcement), shown to
 * administrators and members. A PUT writes each field from the request component of its
 * name (ApprovedBy and ApprovedOn are read-only); the record reads them. Columns are
 * named as Boot names them ({@code unPublishOn} is {@code un_publish_on}); their lengths
 * and constraints are in the migration.
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
