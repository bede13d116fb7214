package io.notifications.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code Value} of an update or delete envelope: the record's Id alone. */
public record RecordIdentity(@JsonProperty("Id") int id) {
}
