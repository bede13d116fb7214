package io.notifications.systemnotification;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "SystemNotification")
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "Id", "Title", "Severity", "StartTime", "ShortDescription", "Description", "MessageType",
		"PublishOn", "UnPublishOn", "ResolutionDescription", "Resolved", "ResolvedOn", "DisplayToAdmins",
		"DisplayToSettingIntegrations", "DisplayToSettingGeneral", "DisplayToPortalVersion", "HasButton", "ButtonLabel",
		"ButtonUrl", "SystemId", "ApprovedBy", "ApprovedOn", "UniqueId", "CreatedOn", "UpdatedOn", "UpdatedBy",
		"IsNew" })
record SystemNotificationRecord(@JsonProperty("Id") int id, @JsonProperty("Title") String title,
		@JsonProperty("Severity") Severity severity, @JsonProperty("StartTime") Instant startTime,
		@JsonProperty("ShortDescription") String shortDescription, @JsonProperty("Description") String description,
		@JsonProperty("MessageType") MessageType messageType, @JsonProperty("PublishOn") Instant publishOn,
		@JsonProperty("UnPublishOn") Instant unPublishOn,
		@JsonProperty("ResolutionDescription") String resolutionDescription, @JsonProperty("Resolved") boolean resolved,
		@JsonProperty("ResolvedOn") Instant resolvedOn, @JsonProperty("DisplayToAdmins") boolean displayToAdmins,
		@JsonProperty("DisplayToSettingIntegrations") String displayToSettingIntegrations,
		@JsonProperty("DisplayToSettingGeneral") String displayToSettingGeneral,
		@JsonProperty("DisplayToPortalVersion") String displayToPortalVersion,
		@JsonProperty("HasButton") boolean hasButton, @JsonProperty("ButtonLabel") String buttonLabel,
		@JsonProperty("ButtonUrl") String buttonUrl, @JsonProperty("SystemId") String systemId,
		@JsonProperty("ApprovedBy") String approvedBy, @JsonProperty("ApprovedOn") Instant approvedOn,
		@JsonProperty("UniqueId") UUID uniqueId, @JsonProperty("CreatedOn") Instant createdOn,
		@JsonProperty("UpdatedOn") Instant updatedOn, @JsonProperty("UpdatedBy") String updatedBy,
		@JsonProperty("IsNew") boolean isNew) {

	static SystemNotificationRecord of(SystemNotification n) {
		return new SystemNotificationRecord(n.getId(), n.title, n.severity, n.startTime, n.shortDescription,
				n.description, n.messageType, n.publishOn, n.unPublishOn, n.resolutionDescription, n.resolved,
				n.resolvedOn, n.displayToAdmins, n.displayToSettingIntegrations, n.displayToSettingGeneral,
				n.displayToPortalVersion, n.hasButton, n.buttonLabel, n.buttonUrl, n.systemId, n.approvedBy,
				n.approvedOn, n.getUniqueId(), n.getCreatedOn(), n.getUpdatedOn(), n.getUpdatedBy(), n.isNew());
	}

}
