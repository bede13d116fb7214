package io.notifications.ephemeral.journal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** What a steering GET answers: every record that matched, and how many there are. */
@JsonPropertyOrder({ "Records", "TotalItems" })
public record Listed<T>(@JsonProperty("Records") List<T> records, @JsonProperty("TotalItems") int totalItems) {

	public static <T> Listed<T> of(List<T> records) {
		return new Listed<>(records, records.size());
	}

}
