package io.notifications.coworkernotification;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "CoworkerNotification")
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "Id", "CoworkerId", "Message", "NotificationType", "EntityId", "IsDismissed", "SystemId",
		"UniqueId", "CreatedOn", "UpdatedOn", "UpdatedBy", "IsNew" })
record CoworkerNotificationRecord(@JsonProperty("Id") int id, @JsonProperty("CoworkerId") int coworkerId,
		@JsonProperty("Message") String message, @JsonProperty("NotificationType") String notificationType,
		@JsonProperty("EntityId") int entityId, @JsonProperty("IsDismissed") boolean isDismissed,
		@JsonProperty("SystemId") String systemId, @JsonProperty("UniqueId") UUID uniqueId,
		@JsonProperty("CreatedOn") Instant createdOn, @JsonProperty("UpdatedOn") Instant updatedOn,
		@JsonProperty("UpdatedBy") String updatedBy, @JsonProperty("IsNew") boolean isNew) {

	static CoworkerNotificationRecord of(CoworkerNotification n) {
		return new CoworkerNotificationRecord(n.getId(), n.coworkerId, n.message, n.notificationType, n.entityId,
				n.isDismissed, n.systemId, n.getUniqueId(), n.getCreatedOn(), n.getUpdatedOn(), n.getUpdatedBy(),
				n.isNew());
	}

}
