package io.notifications.memo;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.notifications.resource.ResourceRequest;
import io.notifications.web.OnUpdate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The writable fields of a memo. */
public record MemoRequest(
		@JsonProperty("Id") @NotNull(groups = OnUpdate.class) @Positive(groups = OnUpdate.class) Integer id,
		@JsonProperty("Subject") @NotBlank @Size(max = 100) String subject, @JsonProperty("Pinned") Boolean pinned,
		@JsonProperty("RemindOn") Instant remindOn) implements ResourceRequest {
}
