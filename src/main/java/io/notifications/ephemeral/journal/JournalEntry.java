package io.notifications.ephemeral.journal;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One request as the journal keeps it. {@code Status} 0 is a connection dropped without
 * an answer.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "Sequence", "Time", "Method", "Path", "Query", "Caller", "Scheme", "ContentType", "Body",
		"BodyTruncated", "Status", "DurationMs", "Fault" })
public record JournalEntry(@JsonProperty("Sequence") long sequence, @JsonProperty("Time") Instant time,
		@JsonProperty("Method") String method, @JsonProperty("Path") String path, @JsonProperty("Query") String query,
		@JsonProperty("Caller") String caller, @JsonProperty("Scheme") String scheme,
		@JsonProperty("ContentType") String contentType, @JsonProperty("Body") String body,
		@JsonProperty("BodyTruncated") boolean bodyTruncated, @JsonProperty("Status") int status,
		@JsonProperty("DurationMs") long durationMs, @JsonProperty("Fault") AppliedFault fault) {

	/**
	 * The fault rule that answered a request: a request attribute ({@link #ATTRIBUTE})
	 * that the faults set and the journal reads.
	 */
	@JsonPropertyOrder({ "Id", "Effect" })
	public record AppliedFault(@JsonProperty("Id") long id, @JsonProperty("Effect") String effect) {

		public static final String ATTRIBUTE = AppliedFault.class.getName();

		/** The effect that closes the connection without an answer. */
		public static final String DROP = "Drop";

		boolean dropped() {
			return DROP.equals(this.effect);
		}

	}

}
