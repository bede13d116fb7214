package io.notifications.systemnotification;

import java.time.Instant;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A notification about the platform itself (an incident or an announcement), shown to
 * administrators and members. A PUT writes each field from the request component of its name
 * (ApprovedBy and ApprovedOn are read-only); the record reads them.
 */
@Entity
@Table(name = "system_notifications")
class SystemNotification extends AuditedEntity {

	@Column(name = "title", nullable = false, length = 255)
	String title;

	@Column(name = "severity", nullable = false)
	Severity severity;

	@Column(name = "start_time", nullable = false)
	Instant startTime;

	@Column(name = "short_description", nullable = false, length = 1000)
	String shortDescription;

	@Column(name = "description", nullable = false, length = 20000)
	String description;

	@Column(name = "message_type", nullable = false)
	MessageType messageType;

	@Column(name = "publish_on")
	Instant publishOn;

	@Column(name = "un_publish_on")
	Instant unPublishOn;

	@Column(name = "resolution_description", length = 20000)
	String resolutionDescription;

	@Column(name = "resolved", nullable = false)
	boolean resolved;

	@Column(name = "resolved_on")
	Instant resolvedOn;

	@Column(name = "display_to_admins", nullable = false)
	boolean displayToAdmins;

	@Column(name = "display_to_setting_integrations", length = 255)
	String displayToSettingIntegrations;

	@Column(name = "display_to_setting_general", length = 255)
	String displayToSettingGeneral;

	@Column(name = "display_to_portal_version", length = 255)
	String displayToPortalVersion;

	@Column(name = "has_button", nullable = false)
	boolean hasButton;

	@Column(name = "button_label", length = 255)
	String buttonLabel;

	@Column(name = "button_url", length = 2048)
	String buttonUrl;

	@Column(name = "system_id", length = 255)
	String systemId;

	@Column(name = "approved_by", length = 255)
	String approvedBy;

	@Column(name = "approved_on")
	Instant approvedOn;

}
