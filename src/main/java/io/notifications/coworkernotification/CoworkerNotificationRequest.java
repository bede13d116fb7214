package io.notifications.coworkernotification;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.notifications.resource.ResourceRequest;
import io.notifications.web.OnUpdate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The component order is the order in which validation errors are reported. */
record CoworkerNotificationRequest(
		@JsonProperty("Id") @NotNull(groups = OnUpdate.class) @Positive(groups = OnUpdate.class) Integer id,
		@JsonProperty("CoworkerId") @NotNull @Positive Integer coworkerId,
		@JsonProperty("Message") @NotBlank @Size(max = 4000) String message,
		@JsonProperty("NotificationType") @NotBlank @Size(max = 100) String notificationType,
		@JsonProperty("EntityId") @NotNull @PositiveOrZero Integer entityId,
		@JsonProperty("IsDismissed") Boolean isDismissed,
		@JsonProperty("SystemId") @Size(max = 255) String systemId) implements ResourceRequest {
}
