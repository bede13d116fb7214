package io.notifications.systemnotification;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.notifications.web.HttpUrl;
import io.notifications.resource.ResourceRequest;
import io.notifications.web.OnUpdate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The component order is the order in which validation errors are reported. */
@ConsistentSystemNotification
record SystemNotificationRequest(
		@JsonProperty("Id") @NotNull(groups = OnUpdate.class) @Positive(groups = OnUpdate.class) Integer id,
		@JsonProperty("Title") @NotBlank @Size(max = 255) String title,
		@JsonProperty("Severity") @NotNull Severity severity, @JsonProperty("StartTime") @NotNull Instant startTime,
		@JsonProperty("ShortDescription") @NotBlank @Size(max = 1000) String shortDescription,
		@JsonProperty("Description") @NotBlank @Size(max = 20000) String description,
		@JsonProperty("MessageType") @NotNull MessageType messageType, @JsonProperty("PublishOn") Instant publishOn,
		@JsonProperty("UnPublishOn") Instant unPublishOn,
		@JsonProperty("ResolutionDescription") @Size(max = 20000) String resolutionDescription,
		@JsonProperty("Resolved") Boolean resolved, @JsonProperty("ResolvedOn") Instant resolvedOn,
		@JsonProperty("DisplayToAdmins") Boolean displayToAdmins,
		@JsonProperty("DisplayToSettingIntegrations") @Size(max = 255) String displayToSettingIntegrations,
		@JsonProperty("DisplayToSettingGeneral") @Size(max = 255) String displayToSettingGeneral,
		@JsonProperty("DisplayToPortalVersion") @Size(max = 255) String displayToPortalVersion,
		@JsonProperty("HasButton") Boolean hasButton, @JsonProperty("ButtonLabel") @Size(max = 255) String buttonLabel,
		@JsonProperty("ButtonUrl") @Size(max = 2048) @HttpUrl String buttonUrl,
		@JsonProperty("SystemId") @Size(max = 255) String systemId) implements ResourceRequest {
}
