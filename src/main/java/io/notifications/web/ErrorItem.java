package io.notifications.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One failing property of a request, with the value as the client sent it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "AttemptedValue", "Message", "PropertyName" })
public record ErrorItem(@JsonProperty("AttemptedValue") Object attemptedValue, @JsonProperty("Message") String message,
		@JsonProperty("PropertyName") String propertyName) {

	public static final String REQUIRED = "is a required field";

	public static final String NOT_VALID = "is not a valid value";

	public static final String NOT_FOUND = "was not found";

	/** Of a request that refuses unknown properties (ephemeral mode's steering). */
	public static final String UNKNOWN = "is not a known property";

	public static ErrorItem notFound(int id) {
		return new ErrorItem(id, NOT_FOUND, "Id");
	}

}
