package io.notifications.systemnotification;

import java.util.Map;
import java.util.stream.Stream;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static io.notifications.support.Envelopes.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/sys/systemnotifications} over real HTTP: create, update, read, enums,
 * date-times, the cross-field rules, and every validation failure with its exact
 * envelope.
 */
class SystemNotificationApiTests extends ApiTestSupport {

	static final String BASE = "/api/sys/systemnotifications";

	static final String VALID = """
			{"Title":"Scheduled maintenance","Severity":2,"StartTime":"2025-01-15T10:30:00Z",\
			"ShortDescription":"Short","Description":"Long description","MessageType":2}""";

	static final String FULL = """
			{"Title":"Outage","Severity":3,"StartTime":"2025-01-15T10:30:00Z","ShortDescription":"Short",\
			"Description":"Long","MessageType":1,"PublishOn":"2025-01-15T00:00:00Z","UnPublishOn":"2025-01-16T00:00:00Z",\
			"ResolutionDescription":"Fixed","Resolved":true,"ResolvedOn":"2025-01-15T12:00:00Z","DisplayToAdmins":true,\
			"DisplayToSettingIntegrations":"integrations","DisplayToSettingGeneral":"general",\
			"DisplayToPortalVersion":"v3","HasButton":true,"ButtonLabel":"Status page",\
			"ButtonUrl":"https://status.example.com/incidents/1","SystemId":"ext-9"}""";

	@Test
	void createAnswersTheWholeRecordInContractOrder() {
		Response response = postJson(BASE, FULL, admin());

		JsonNode value = response.json().get("Value");
		String on = value.get("CreatedOn").asString();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(success("SystemNotification was successfully created.", """
				{"Id":%d,"Title":"Outage","Severity":3,"StartTime":"2025-01-15T10:30:00Z",\
				"ShortDescription":"Short","Description":"Long","MessageType":1,\
				"PublishOn":"2025-01-15T00:00:00Z","UnPublishOn":"2025-01-16T00:00:00Z",\
				"ResolutionDescription":"Fixed","Resolved":true,"ResolvedOn":"2025-01-15T12:00:00Z",\
				"DisplayToAdmins":true,"DisplayToSettingIntegrations":"integrations",\
				"DisplayToSettingGeneral":"general","DisplayToPortalVersion":"v3","HasButton":true,\
				"ButtonLabel":"Status page","ButtonUrl":"https://status.example.com/incidents/1",\
				"SystemId":"ext-9","ApprovedBy":null,"ApprovedOn":null,"UniqueId":"%s",\
				"CreatedOn":"%s","UpdatedOn":"%s","UpdatedBy":"admin@example.com","IsNew":true}"""
			.formatted(value.get("Id").asInt(), value.get("UniqueId").asString(), on, on), on, ADMIN));
	}

	@Test
	void updateAnswersTheSeedsEnvelope() {
		int id = createdId(BASE, VALID);
		Response response = putJson(BASE, withId(id, VALID), admin());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(success("SystemNotification was successfully updated.", """
				{"Id":%d}""".formatted(id), response.json().get("UpdatedOn").asString(), ADMIN));
	}

	@Test
	void updateIsAFullReplacement() {
		int id = createdId(BASE, FULL);
		assertThat(putJson(BASE, withId(id, VALID), admin()).status()).isEqualTo(200);

		JsonNode stored = readRecord(BASE, id);
		assertThat(stored.get("Title").asString()).isEqualTo("Scheduled maintenance");
		assertThat(stored.get("Severity").asInt()).isEqualTo(2);
		assertThat(stored.get("MessageType").asInt()).isEqualTo(2);
		for (String cleared : new String[] { "PublishOn", "UnPublishOn", "ResolutionDescription", "ResolvedOn",
				"DisplayToSettingIntegrations", "DisplayToSettingGeneral", "DisplayToPortalVersion", "ButtonLabel",
				"ButtonUrl", "SystemId" }) {
			assertThat(stored.get(cleared).isNull()).as(cleared).isTrue();
		}
		for (String falsified : new String[] { "Resolved", "DisplayToAdmins", "HasButton" }) {
			assertThat(stored.get(falsified).asBoolean()).as(falsified).isFalse();
		}
		assertThat(stored.get("IsNew").asBoolean()).isFalse();
	}

	@Test
	void updateAcceptsAWholeRecordFromGet() {
		int id = createdId(BASE, FULL);
		JsonNode before = readRecord(BASE, id);
		String echoed = get(BASE + "/" + id, admin()).body()
			.replace("\"Title\":\"Outage\"", "\"Title\":\"Outage resolved\"")
			.replace("\"ApprovedBy\":null", "\"ApprovedBy\":\"mallory@example.com\"")
			.replace("\"ApprovedOn\":null", "\"ApprovedOn\":\"2025-01-01T00:00:00Z\"");

		assertThat(putJson(BASE, echoed, admin()).status()).isEqualTo(200);
		JsonNode after = readRecord(BASE, id);
		assertThat(after.get("Title").asString()).isEqualTo("Outage resolved");
		assertThat(after.get("ApprovedBy").isNull()).isTrue();
		assertThat(after.get("ApprovedOn").isNull()).isTrue();
		assertThat(after.get("UniqueId")).isEqualTo(before.get("UniqueId"));
		assertThat(after.get("ButtonUrl")).isEqualTo(before.get("ButtonUrl"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1|1", "2|2", "3|3", "\"Low\"|1", "\"medium\"|2", "\"HIGH\"|3", "\"3\"|3" })
	void severityIsAcceptedByValueOrNameAndAnsweredAsAnInteger(String sent, int stored) {
		int id = createdId(BASE, with(VALID, "Severity", sent));

		assertThat(get(BASE + "/" + id, admin()).body()).contains("\"Severity\":" + stored + ",");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1|1", "2|2", "\"Issue\"|1", "\"announcement\"|2" })
	void messageTypeIsAcceptedByValueOrName(String sent, int stored) {
		int id = createdId(BASE, with(VALID, "MessageType", sent));

		assertThat(get(BASE + "/" + id, admin()).body()).contains("\"MessageType\":" + stored + ",");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Severity|0", "Severity|4", "Severity|\"Critical\"", "Severity|2.0",
			"Severity|true", "MessageType|3", "MessageType|-1", "MessageType|\"Notice\"" })
	void enumValueOutsideTheEnumIsNotValid(String field, String sent) {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("system_notifications", id,
				() -> putJson(BASE, withId(id, with(VALID, field, sent)), admin()), 400,
				failure(400, field, "is not a valid value", error(sent, "is not a valid value", field)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "2025-01-15T10:30:00Z|2025-01-15T10:30:00Z", "2025-01-15T12:30:00+02:00|2025-01-15T10:30:00Z",
					"2025-01-15T05:30:00-05:00|2025-01-15T10:30:00Z", "2025-01-15T10:30:00|2025-01-15T10:30:00Z",
					"2025-01-15T10:30|2025-01-15T10:30:00Z", "2025-01-15T10:30:00.250Z|2025-01-15T10:30:00.250Z",
					"2025-01-15t10:30:00z|2025-01-15T10:30:00Z" })
	void dateTimesAreStoredAndAnsweredInUtc(String sent, String answered) {
		int id = createdId(BASE, with(VALID, "StartTime", "\"" + sent + "\""));

		assertThat(readRecord(BASE, id).get("StartTime").asString()).isEqualTo(answered);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1736937000", "1736937000.5", "\"yesterday\"", "\"2025-13-01T00:00:00Z\"",
			"\"2025-01-15\"", "\"10:30:00\"", "\"2025-01-15T25:00:00Z\"", "\"10000-01-01T00:00:00Z\"", "true", "\"\"" })
	void unreadableDateTimeIsNotValid(String sent) {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("system_notifications", id,
				() -> putJson(BASE, withId(id, with(VALID, "StartTime", sent)), admin()), 400,
				failure(400, "StartTime", "is not a valid value", error(sent, "is not a valid value", "StartTime")));
	}

	static Stream<Arguments> requiredFields() {
		return Stream.of("Title", "Severity", "StartTime", "ShortDescription", "Description", "MessageType")
			.map(Arguments::of);
	}

	@ParameterizedTest
	@MethodSource("requiredFields")
	void missingRequiredFieldIsNamed(String field) {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("system_notifications", id,
				() -> putJson(BASE, withId(id, without(VALID, field)), admin()), 400,
				failure(400, field, "is a required field", error("null", "is a required field", field)));
	}

	@ParameterizedTest
	@MethodSource("requiredFields")
	void nullRequiredFieldIsNamed(String field) {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("system_notifications", id,
				() -> putJson(BASE, withId(id, with(VALID, field, "null")), admin()), 400,
				failure(400, field, "is a required field", error("null", "is a required field", field)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Title", "ShortDescription", "Description" })
	void blankRequiredStringIsNamed(String field) {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("system_notifications", id,
				() -> putJson(BASE, withId(id, with(VALID, field, "\"\\t \"")), admin()), 400,
				failure(400, field, "is a required field", error("\"\\t \"", "is a required field", field)));
	}

	@Test
	void emptyObjectListsEveryRequiredFieldInContractOrder() {
		Response response = putJson(BASE, "{}", admin());

		assertThat(response.body()).isEqualTo(failure(400, "Id", "is a required field",
				error("null", "is a required field", "Id"), error("null", "is a required field", "Title"),
				error("null", "is a required field", "Severity"), error("null", "is a required field", "StartTime"),
				error("null", "is a required field", "ShortDescription"),
				error("null", "is a required field", "Description"),
				error("null", "is a required field", "MessageType")));
	}

	static Stream<Arguments> limits() {
		return Stream.of(Arguments.of("Title", 255), Arguments.of("ShortDescription", 1000),
				Arguments.of("Description", 20000), Arguments.of("ResolutionDescription", 20000),
				Arguments.of("DisplayToSettingIntegrations", 255), Arguments.of("DisplayToSettingGeneral", 255),
				Arguments.of("DisplayToPortalVersion", 255), Arguments.of("ButtonLabel", 255),
				Arguments.of("SystemId", 255));
	}

	@ParameterizedTest
	@MethodSource("limits")
	void stringAtItsLimitIsStored(String field, int limit) {
		int id = createdId(BASE, VALID);

		assertThat(putJson(BASE, withId(id, with(VALID, field, "\"" + "é".repeat(limit) + "\"")), admin()).status())
			.isEqualTo(200);
		assertThat(readRecord(BASE, id).get(field).asString()).isEqualTo("é".repeat(limit));
	}

	@ParameterizedTest
	@MethodSource("limits")
	void stringOverItsLimitIsRefused(String field, int limit) {
		int id = createdId(BASE, VALID);
		String tooLong = "\"" + "x".repeat(limit + 1) + "\"";
		String message = "must be at most " + limit + " characters";

		assertRefusedAndUnchanged("system_notifications", id,
				() -> putJson(BASE, withId(id, with(VALID, field, tooLong)), admin()), 400,
				failure(400, field, message, error(tooLong, message, field)));
	}

	@Test
	void buttonUrlAtItsLimitIsStoredAndOverItIsRefused() {
		int id = createdId(BASE, VALID);
		String atLimit = "https://example.com/" + "a".repeat(2048 - 20);
		String overLimit = atLimit + "a";

		assertThat(putJson(BASE, withId(id, with(VALID, "ButtonUrl", "\"" + atLimit + "\"")), admin()).status())
			.isEqualTo(200);
		assertThat(putJson(BASE, withId(id, with(VALID, "ButtonUrl", "\"" + overLimit + "\"")), admin()).body())
			.isEqualTo(failure(400, "ButtonUrl", "must be at most 2048 characters",
					error("\"" + overLimit + "\"", "must be at most 2048 characters", "ButtonUrl")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.com/x", "example.com/page", "/relative/path", "https://", "mailto:a@b.c",
			"http://exa mple.com", "javascript:alert(1)" })
	void buttonUrlMustBeAnAbsoluteHttpUrl(String url) {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("system_notifications", id,
				() -> putJson(BASE, withId(id, with(VALID, "ButtonUrl", "\"" + url + "\"")), admin()), 400,
				failure(400, "ButtonUrl", "is not a valid value",
						error("\"" + url + "\"", "is not a valid value", "ButtonUrl")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://example.com", "HTTPS://Example.com/a?b=c#d", "https://127.0.0.1:8443/x" })
	void httpAndHttpsUrlsAreAccepted(String url) {
		int id = createdId(BASE, VALID);

		assertThat(putJson(BASE, withId(id, with(VALID, "ButtonUrl", "\"" + url + "\"")), admin()).status())
			.isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-01-15T00:00:00Z", "2025-01-14T23:59:59Z" })
	void unPublishOnMustBeLaterThanPublishOn(String unPublishOn) {
		int id = createdId(BASE, VALID);
		String body = with(with(VALID, "PublishOn", "\"2025-01-15T00:00:00Z\""), "UnPublishOn",
				"\"" + unPublishOn + "\"");

		assertRefusedAndUnchanged("system_notifications", id, () -> putJson(BASE, withId(id, body), admin()), 400,
				failure(400, "UnPublishOn", "must be later than PublishOn",
						error("\"" + unPublishOn + "\"", "must be later than PublishOn", "UnPublishOn")));
	}

	@Test
	void unPublishOnAloneOrLaterIsAccepted() {
		int id = createdId(BASE, VALID);

		assertThat(putJson(BASE, withId(id, with(VALID, "UnPublishOn", "\"2020-01-01T00:00:00Z\"")), admin()).status())
			.isEqualTo(200);
		String ordered = with(with(VALID, "PublishOn", "\"2025-01-15T00:00:00+01:00\""), "UnPublishOn",
				"\"2025-01-15T00:00:01+01:00\"");
		assertThat(putJson(BASE, withId(id, ordered), admin()).status()).isEqualTo(200);
	}

	@Test
	void aButtonNeedsALabelAndAUrl() {
		int id = createdId(BASE, VALID);
		String body = with(with(VALID, "HasButton", "true"), "ButtonLabel", "\" \"");

		assertRefusedAndUnchanged("system_notifications", id, () -> putJson(BASE, withId(id, body), admin()), 400,
				failure(400, "ButtonLabel", "is a required field", error("\" \"", "is a required field", "ButtonLabel"),
						error("null", "is a required field", "ButtonUrl")));
	}

	@Test
	void withoutAButtonLabelAndUrlAreOptional() {
		int id = createdId(BASE, VALID);

		assertThat(putJson(BASE, withId(id, with(VALID, "HasButton", "\"false\"")), admin()).status()).isEqualTo(200);
	}

	@Test
	void allErrorsOfOneRequestAreListedInContractOrder() {
		int id = createdId(BASE, VALID);
		String body = """
				{"Id":%d,"ButtonUrl":"nope","HasButton":true,"UnPublishOn":"2025-01-01T00:00:00Z",\
				"PublishOn":"2025-02-01T00:00:00Z","MessageType":9,"Description":"","ShortDescription":"s",\
				"StartTime":5,"Severity":"Severe","Title":null,"Resolved":"no"}""".formatted(id);

		assertRefusedAndUnchanged("system_notifications", id, () -> putJson(BASE, body, admin()), 400,
				failure(400, "Title", "is a required field", error("null", "is a required field", "Title"),
						error("\"Severe\"", "is not a valid value", "Severity"),
						error("5", "is not a valid value", "StartTime"),
						error("\"\"", "is a required field", "Description"),
						error("9", "is not a valid value", "MessageType"),
						error("\"2025-01-01T00:00:00Z\"", "must be later than PublishOn", "UnPublishOn"),
						error("\"no\"", "is not a valid value", "Resolved"),
						error("null", "is a required field", "ButtonLabel"),
						error("\"nope\"", "is not a valid value", "ButtonUrl")));
	}

	@Test
	void unknownIdIsNotFoundAfterValidation() {
		assertThat(putJson(BASE, withId(555, VALID), admin()).body())
			.isEqualTo(failure(404, "Id", "was not found", error("555", "was not found", "Id")));
		assertThat(putJson(BASE, withId(555, without(VALID, "Title")), admin()).status()).isEqualTo(400);
	}

	@Test
	void malformedJsonIsRefused() {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("system_notifications", id,
				() -> putJson(BASE, withId(id, VALID).replace("}", ",}"), admin()), 400,
				failure(400, "The request body is not valid JSON."));
	}

	@Test
	void wrongMediaTypeAndWrongMethodAreRefused() {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("system_notifications", id,
				() -> send("PUT", BASE, "text/plain", withId(id, VALID), admin()), 415,
				failure(415, "The request content type is not supported; send application/json."));
		Response wrongMethod = send("PATCH", BASE, "application/json", withId(id, VALID), admin());
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.header("Allow")).contains("PUT");
	}

	@Test
	void oversizedBodyIsRefused() {
		int id = createdId(BASE, VALID);
		String huge = withId(id, with(VALID, "Description", "\"" + "x".repeat(1024 * 1024) + "\""));

		assertRefusedAndUnchanged("system_notifications", id, () -> putJson(BASE, huge, admin()), 413,
				failure(413, "The request body is larger than the limit of 1 MiB."));
	}

	static String withId(int id, String body) {
		return with(body, "Id", String.valueOf(id));
	}

	static String with(String body, String field, String rawValue) {
		String rest = without(body, field);
		return rest.substring(0, rest.length() - 1) + ",\"" + field + "\":" + rawValue + "}";
	}

	static String without(String body, String field) {
		ObjectNode node = (ObjectNode) JSON.readTree(body);
		node.remove(field);
		return JSON.writeValueAsString(node);
	}

}
