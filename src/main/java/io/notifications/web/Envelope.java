package io.notifications.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The object Nexudus answers every write and every error with. All keys are always
 * present, in this order.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "Status", "Message", "Value", "OpenInDialog", "OpenInWindow", "RedirectURL", "JavaScript",
		"UpdatedOn", "UpdatedBy", "Errors", "WasSuccessful" })
public record Envelope(@JsonProperty("Status") int status, @JsonProperty("Message") String message,
		@JsonProperty("Value") Object value, @JsonProperty("OpenInDialog") boolean openInDialog,
		@JsonProperty("OpenInWindow") boolean openInWindow, @JsonProperty("RedirectURL") String redirectUrl,
		@JsonProperty("JavaScript") String javaScript, @JsonProperty("UpdatedOn") Instant updatedOn,
		@JsonProperty("UpdatedBy") String updatedBy, @JsonProperty("Errors") List<ErrorItem> errors,
		@JsonProperty("WasSuccessful") boolean wasSuccessful) {

	public static Envelope success(int status, String message, Object value, Instant updatedOn, String updatedBy) {
		return new Envelope(status, message, value, false, false, null, null, updatedOn, updatedBy, null, true);
	}

	/** Nexudus's answer to a create: the whole new record. */
	public static Envelope created(String resource, Object record, Instant updatedOn, String updatedBy) {
		return success(200, resource + " was successfully created.", record, updatedOn, updatedBy);
	}

	/** Nexudus's answer to an update: the record's Id alone. */
	public static Envelope updated(String resource, int id, Instant updatedOn, String updatedBy) {
		return success(200, resource + " was successfully updated.", new RecordIdentity(id), updatedOn, updatedBy);
	}

	/** Nexudus's answer to a delete: the Id alone, stamped with the deletion. */
	public static Envelope deleted(String resource, int id, Instant deletedOn, String deletedBy) {
		return success(200, resource + " was successfully deleted.", new RecordIdentity(id), deletedOn, deletedBy);
	}

	/** A failure that no single property is at fault for. */
	public static Envelope failure(int status, String message) {
		return new Envelope(status, message, null, false, false, null, null, null, null, List.of(), false);
	}

	/** The first failing property forms the message, as Nexudus does. */
	public static Envelope failure(int status, List<ErrorItem> errors) {
		ErrorItem first = errors.get(0);
		return new Envelope(status, first.propertyName() + ": " + first.message(), null, false, false, null, null, null,
				null, List.copyOf(errors), false);
	}

}
