package io.notifications.memo;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

/** A memo as GET returns it. */
@Schema(name = "Memo")
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "Id", "Subject", "Pinned", "RemindOn", "UniqueId", "CreatedOn", "UpdatedOn", "UpdatedBy",
		"IsNew" })
public record MemoRecord(@JsonProperty("Id") int id, @JsonProperty("Subject") String subject,
		@JsonProperty("Pinned") boolean pinned, @JsonProperty("RemindOn") Instant remindOn,
		@JsonProperty("UniqueId") UUID uniqueId, @JsonProperty("CreatedOn") Instant createdOn,
		@JsonProperty("UpdatedOn") Instant updatedOn, @JsonProperty("UpdatedBy") String updatedBy,
		@JsonProperty("IsNew") boolean isNew) {

	static MemoRecord of(Memo memo) {
		return new MemoRecord(memo.getId(), memo.getSubject(), memo.isPinned(), memo.getRemindOn(), memo.getUniqueId(),
				memo.getCreatedOn(), memo.getUpdatedOn(), memo.getUpdatedBy(), memo.isNew());
	}

}
