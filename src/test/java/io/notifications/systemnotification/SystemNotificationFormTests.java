package io.notifications.systemnotification;

import io.notifications.support.FormTestSupport;
import io.notifications.support.PythonRequests;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static io.notifications.support.Envelopes.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code application/x-www-form-urlencoded} creates and updates of system notifications
 * over real HTTP: enums by name or code, ISO date-times with offsets, booleans as Python
 * writes them, and the same field errors (cross-field rules included) as JSON.
 */
class SystemNotificationFormTests extends FormTestSupport {

	static final String TABLE = "system_notifications";

	static final String BASE = SystemNotificationApiTests.BASE;

	/**
	 * As {@code requests} encodes {@code data={"Title": "Maintenance", ..., "StartTime":
	 * "2025-01-15T12:30:00+02:00"}}.
	 */
	static final String PYTHON_FORM = "Title=Maintenance&Severity=High&StartTime=2025-01-15T12%3A30%3A00%2B02%3A00"
			+ "&ShortDescription=Short&Description=Long+description&MessageType=2&DisplayToAdmins=True";

	@Test
	void pythonRequestsCreateGetsTheRecordAsJson() {
		JsonNode stored = createdLikePythonRequests(BASE, "SystemNotification", PYTHON_FORM);

		assertThat(stored.get("Title").asString()).isEqualTo("Maintenance");
		assertThat(stored.get("Severity").asInt()).isEqualTo(3);
		assertThat(stored.get("StartTime").asString()).isEqualTo("2025-01-15T10:30:00Z");
		assertThat(stored.get("Description").asString()).isEqualTo("Long description");
		assertThat(stored.get("MessageType").asInt()).isEqualTo(2);
		assertThat(stored.get("DisplayToAdmins").asBoolean()).isTrue();
		assertThat(stored.get("HasButton").asBoolean()).isFalse();
		assertThat(stored.get("PublishOn").isNull()).isTrue();
	}

	@Test
	void pythonRequestsUpdateReplacesTheRecord() {
		int id = createdId(BASE, SystemNotificationApiTests.VALID);

		Response response = PythonRequests.send(this.port, "PUT", BASE, "Id=" + id + "&Title=Resolved&Severity=low"
				+ "&StartTime=2025-02-01T08%3A00%3A00&ShortDescription=S&Description=D&MessageType=Issue&Resolved=True"
				+ "&ResolvedOn=2025-02-01T09%3A00%3A00Z&HasButton=true&ButtonLabel=Status"
				+ "&ButtonUrl=https%3A%2F%2Fstatus.example.com%2F1", "sn-edit@example.com", "role-secret");

		String updatedOn = response.json().get("UpdatedOn").asString();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(success("SystemNotification was successfully updated.", """
				{"Id":%d}""".formatted(id), updatedOn, "sn-edit@example.com"));
		JsonNode stored = readRecord(BASE, id);
		assertThat(stored.get("Title").asString()).isEqualTo("Resolved");
		assertThat(stored.get("Severity").asInt()).isEqualTo(1);
		assertThat(stored.get("MessageType").asInt()).isEqualTo(1);
		assertThat(stored.get("StartTime").asString()).isEqualTo("2025-02-01T08:00:00Z");
		assertThat(stored.get("Resolved").asBoolean()).isTrue();
		assertThat(stored.get("ResolvedOn").asString()).isEqualTo("2025-02-01T09:00:00Z");
		assertThat(stored.get("HasButton").asBoolean()).isTrue();
		assertThat(stored.get("ButtonUrl").asString()).isEqualTo("https://status.example.com/1");
		assertThat(stored.get("IsNew").asBoolean()).isFalse();
	}

	@Test
	void badValuesAndCrossFieldRulesFailAsForJson() {
		int id = createdId(BASE, SystemNotificationApiTests.VALID);

		assertRefusedAndUnchanged(TABLE, id, () -> send("PUT", BASE, FORM, "id=" + id
				+ "&title=T&severity=7&starttime=2025-01-15"
				+ "&shortdescription=S&description=D&messagetype=Announcement&publishon=2025-01-16T00%3A00%3A00Z"
				+ "&unpublishon=2025-01-15T00%3A00%3A00Z&hasbutton=True&buttonlabel=", admin()), 400,
				failure(400, "Severity", "is not a valid value", error("\"7\"", "is not a valid value", "Severity"),
						error("\"2025-01-15\"", "is not a valid value", "StartTime"),
						error("\"2025-01-15T00:00:00Z\"", "must be later than PublishOn", "UnPublishOn"),
						error("null", "is a required field", "ButtonLabel"),
						error("null", "is a required field", "ButtonUrl")));
	}

	@Test
	void aRepeatedNameIsRefusedOnItsProperty() {
		int id = createdId(BASE, SystemNotificationApiTests.VALID);

		assertRefusedAndUnchanged(TABLE, id,
				() -> send("PUT", BASE, FORM + "; charset=utf-8",
						"Id=" + id + "&Title=T&Severity=1&Severity=High"
								+ "&StartTime=2025-01-15T10%3A30%3A00Z&ShortDescription=S&Description=D&MessageType=1",
						admin()),
				400, failure(400, "Severity", "is not a valid value",
						error("[\"1\",\"High\"]", "is not a valid value", "Severity")));
	}

}
