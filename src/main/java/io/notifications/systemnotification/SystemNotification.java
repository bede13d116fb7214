package io.notifications.systemnotification;

import java.time.Instant;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A notification about the platform itself (an incident or an announcement), shown to
 * administrators and members.
 */
@Entity
@Table(name = "system_notifications")
class SystemNotification extends AuditedEntity {

	@Column(name = "title", nullable = false, length = 255)
	private String title;

	@Column(name = "severity", nullable = false)
	private Severity severity;

	@Column(name = "start_time", nullable = false)
	private Instant startTime;

	@Column(name = "short_description", nullable = false, length = 1000)
	private String shortDescription;

	@Column(name = "description", nullable = false, length = 20000)
	private String description;

	@Column(name = "message_type", nullable = false)
	private MessageType messageType;

	@Column(name = "publish_on")
	private Instant publishOn;

	@Column(name = "un_publish_on")
	private Instant unPublishOn;

	@Column(name = "resolution_description", length = 20000)
	private String resolutionDescription;

	@Column(name = "resolved", nullable = false)
	private boolean resolved;

	@Column(name = "resolved_on")
	private Instant resolvedOn;

	@Column(name = "display_to_admins", nullable = false)
	private boolean displayToAdmins;

	@Column(name = "display_to_setting_integrations", length = 255)
	private String displayToSettingIntegrations;

	@Column(name = "display_to_setting_general", length = 255)
	private String displayToSettingGeneral;

	@Column(name = "display_to_portal_version", length = 255)
	private String displayToPortalVersion;

	@Column(name = "has_button", nullable = false)
	private boolean hasButton;

	@Column(name = "button_label", length = 255)
	private String buttonLabel;

	@Column(name = "button_url", length = 2048)
	private String buttonUrl;

	@Column(name = "system_id", length = 255)
	private String systemId;

	@Column(name = "approved_by", length = 255)
	private String approvedBy;

	@Column(name = "approved_on")
	private Instant approvedOn;

	/** Replaces every writable field, as a Nexudus PUT does. */
	void replaceWith(SystemNotificationRequest request) {
		this.title = request.title();
		this.severity = request.severity();
		this.startTime = request.startTime();
		this.shortDescription = request.shortDescription();
		this.description = request.description();
		this.messageType = request.messageType();
		this.publishOn = request.publishOn();
		this.unPublishOn = request.unPublishOn();
		this.resolutionDescription = request.resolutionDescription();
		this.resolved = Boolean.TRUE.equals(request.resolved());
		this.resolvedOn = request.resolvedOn();
		this.displayToAdmins = Boolean.TRUE.equals(request.displayToAdmins());
		this.displayToSettingIntegrations = request.displayToSettingIntegrations();
		this.displayToSettingGeneral = request.displayToSettingGeneral();
		this.displayToPortalVersion = request.displayToPortalVersion();
		this.hasButton = Boolean.TRUE.equals(request.hasButton());
		this.buttonLabel = request.buttonLabel();
		this.buttonUrl = request.buttonUrl();
		this.systemId = request.systemId();
	}

	String getTitle() {
		return this.title;
	}

	Severity getSeverity() {
		return this.severity;
	}

	Instant getStartTime() {
		return this.startTime;
	}

	String getShortDescription() {
		return this.shortDescription;
	}

	String getDescription() {
		return this.description;
	}

	MessageType getMessageType() {
		return this.messageType;
	}

	Instant getPublishOn() {
		return this.publishOn;
	}

	Instant getUnPublishOn() {
		return this.unPublishOn;
	}

	String getResolutionDescription() {
		return this.resolutionDescription;
	}

	boolean isResolved() {
		return this.resolved;
	}

	Instant getResolvedOn() {
		return this.resolvedOn;
	}

	boolean isDisplayToAdmins() {
		return this.displayToAdmins;
	}

	String getDisplayToSettingIntegrations() {
		return this.displayToSettingIntegrations;
	}

	String getDisplayToSettingGeneral() {
		return this.displayToSettingGeneral;
	}

	String getDisplayToPortalVersion() {
		return this.displayToPortalVersion;
	}

	boolean isHasButton() {
		return this.hasButton;
	}

	String getButtonLabel() {
		return this.buttonLabel;
	}

	String getButtonUrl() {
		return this.buttonUrl;
	}

	String getSystemId() {
		return this.systemId;
	}

	String getApprovedBy() {
		return this.approvedBy;
	}

	Instant getApprovedOn() {
		return this.approvedOn;
	}

}
