package io.notifications.coworkernotification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static io.notifications.support.Envelopes.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/spaces/coworkernotifications} over real HTTP: create, update, read, and
 * every failure of the wire contract, each asserting the exact envelope and that nothing
 * changed.
 */
class CoworkerNotificationApiTests extends ApiTestSupport {

	static final String BASE = "/api/spaces/coworkernotifications";

	static final String VALID = """
			{"CoworkerId":5,"Message":"Your invoice is ready","NotificationType":"coworkerinvoice","EntityId":42}""";

	@Test
	void createAnswersTheWholeRecordInTheEnvelope() {
		Response response = postJson(BASE, VALID, admin());

		JsonNode value = response.json().get("Value");
		String on = value.get("CreatedOn").asString();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(success("CoworkerNotification was successfully created.", """
				{"Id":%d,"CoworkerId":5,"Message":"Your invoice is ready","NotificationType":"coworkerinvoice",\
				"EntityId":42,"IsDismissed":false,"SystemId":null,"UniqueId":"%s","CreatedOn":"%s","UpdatedOn":"%s",\
				"UpdatedBy":"admin@example.com","IsNew":true}""".formatted(value.get("Id").asInt(),
				value.get("UniqueId").asString(), on, on), on, ADMIN));
		assertThat(value.get("UniqueId").asString())
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(on).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
	}

	@Test
	void updateAnswersTheSeedsEnvelopeAndReplacesTheRecord() {
		int id = createdId(BASE, VALID);
		Response response = putJson(BASE, """
				{"Id":%d,"CoworkerId":6,"Message":"Paid","NotificationType":"blog","EntityId":0,"IsDismissed":true,
				 "SystemId":"ext-1"}""".formatted(id), admin());

		String updatedOn = response.json().get("UpdatedOn").asString();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(success("CoworkerNotification was successfully updated.", """
				{"Id":%d}""".formatted(id), updatedOn, ADMIN));
		JsonNode stored = readRecord(BASE, id);
		assertThat(stored.get("CoworkerId").asInt()).isEqualTo(6);
		assertThat(stored.get("Message").asString()).isEqualTo("Paid");
		assertThat(stored.get("NotificationType").asString()).isEqualTo("blog");
		assertThat(stored.get("EntityId").asInt()).isZero();
		assertThat(stored.get("IsDismissed").asBoolean()).isTrue();
		assertThat(stored.get("SystemId").asString()).isEqualTo("ext-1");
		assertThat(stored.get("IsNew").asBoolean()).isFalse();
		assertThat(stored.get("UpdatedOn").asString()).isEqualTo(updatedOn);
		assertThat(stored.get("UpdatedBy").asString()).isEqualTo(ADMIN);
	}

	@Test
	void readAnswersTheBareRecordInContractOrder() {
		int id = createdId(BASE, VALID);
		Response response = get(BASE + "/" + id, admin());

		JsonNode record = response.json();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("""
				{"Id":%d,"CoworkerId":5,"Message":"Your invoice is ready","NotificationType":"coworkerinvoice",\
				"EntityId":42,"IsDismissed":false,"SystemId":null,"UniqueId":"%s","CreatedOn":"%s","UpdatedOn":"%s",\
				"UpdatedBy":"admin@example.com","IsNew":true}""".formatted(id, record.get("UniqueId").asString(),
				record.get("CreatedOn").asString(), record.get("UpdatedOn").asString()));
	}

	@Test
	void updateClearsOptionalFieldsLeftOut() {
		int id = createdId(BASE,
				"""
						{"CoworkerId":5,"Message":"m","NotificationType":"blog","EntityId":1,"IsDismissed":true,"SystemId":"x"}""");
		assertThat(putJson(BASE, """
				{"Id":%d,"CoworkerId":5,"Message":"m","NotificationType":"blog","EntityId":1}""".formatted(id), admin())
			.status()).isEqualTo(200);

		JsonNode stored = readRecord(BASE, id);
		assertThat(stored.get("IsDismissed").asBoolean()).isFalse();
		assertThat(stored.get("SystemId").isNull()).isTrue();
	}

	@Test
	void updateAcceptsAWholeRecordFromGetAndIgnoresItsReadOnlyFields() {
		int id = createdId(BASE, VALID);
		JsonNode before = readRecord(BASE, id);
		String echoed = get(BASE + "/" + id, admin()).body()
			.replace("\"Message\":\"Your invoice is ready\"", "\"Message\":\"Edited\"")
			.replace(before.get("UniqueId").asString(), "00000000-0000-0000-0000-000000000000")
			.replace("\"CreatedOn\":\"" + before.get("CreatedOn").asString(), "\"CreatedOn\":\"2000-01-01T00:00:00Z")
			.replace("\"UpdatedBy\":\"admin@example.com\"", "\"UpdatedBy\":\"mallory@example.com\"")
			.replace("\"IsNew\":true", "\"IsNew\":true,\"Unknown\":{\"nested\":[1,2]}");

		assertThat(putJson(BASE, echoed, admin()).status()).isEqualTo(200);
		JsonNode after = readRecord(BASE, id);
		assertThat(after.get("Message").asString()).isEqualTo("Edited");
		assertThat(after.get("UniqueId")).isEqualTo(before.get("UniqueId"));
		assertThat(after.get("CreatedOn")).isEqualTo(before.get("CreatedOn"));
		assertThat(after.get("UpdatedBy").asString()).isEqualTo(ADMIN);
		assertThat(after.get("IsNew").asBoolean()).isFalse();
	}

	@Test
	void propertyNamesMatchCaseInsensitivelyAndScalarsMayBeStrings() {
		int id = createdId(BASE, VALID);
		Response response = putJson(BASE,
				"""
						{"id":"%d","coworkerid":"7","MESSAGE":"m","notificationType":"blog","entityId":"0","isdismissed":"true"}"""
					.formatted(id),
				admin());

		assertThat(response.status()).isEqualTo(200);
		JsonNode stored = readRecord(BASE, id);
		assertThat(stored.get("CoworkerId").asInt()).isEqualTo(7);
		assertThat(stored.get("IsDismissed").asBoolean()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "-5", "\"abc\"", "1.5", "null" })
	void createIgnoresAnIdInTheBody(String id) {
		int first = createdId(BASE, VALID);
		Response response = postJson(BASE,
				VALID.replace("{", "{\"Id\":" + id.replace("1", String.valueOf(first)) + ","), admin());

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("Value").get("Id").asInt()).isGreaterThan(first);
	}

	static Stream<Arguments> requiredFields() {
		return Stream.of(Arguments.of("CoworkerId"), Arguments.of("Message"), Arguments.of("NotificationType"),
				Arguments.of("EntityId"));
	}

	@ParameterizedTest
	@MethodSource("requiredFields")
	void missingRequiredFieldIsNamed(String field) {
		int id = createdId(BASE, VALID);
		String body = withId(id, without(field));

		assertRefusedAndUnchanged("coworker_notifications", id, () -> putJson(BASE, body, admin()), 400,
				failure(400, field, "is a required field", error("null", "is a required field", field)));
	}

	@ParameterizedTest
	@MethodSource("requiredFields")
	void nullRequiredFieldIsNamed(String field) {
		int id = createdId(BASE, VALID);
		String body = withId(id, with(field, "null"));

		assertRefusedAndUnchanged("coworker_notifications", id, () -> putJson(BASE, body, admin()), 400,
				failure(400, field, "is a required field", error("null", "is a required field", field)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Message", "NotificationType" })
	void blankRequiredStringIsNamedWithTheBlankAsSent(String field) {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("coworker_notifications", id,
				() -> putJson(BASE, withId(id, with(field, "\"  \"")), admin()), 400,
				failure(400, field, "is a required field", error("\"  \"", "is a required field", field)));
	}

	@Test
	void updateWithoutIdIsARequiredFieldError() {
		Response response = putJson(BASE, VALID, admin());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body())
			.isEqualTo(failure(400, "Id", "is a required field", error("null", "is a required field", "Id")));
	}

	@Test
	void everyFailingFieldIsListedInContractOrder() {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("coworker_notifications", id,
				() -> putJson(BASE,
						"""
								{"SystemId":5,"EntityId":-1,"NotificationType":"","Message":null,"CoworkerId":0,"Id":%d,"IsDismissed":"maybe"}"""
							.formatted(id),
						admin()),
				400,
				failure(400, "CoworkerId", "is not a valid value", error("0", "is not a valid value", "CoworkerId"),
						error("null", "is a required field", "Message"),
						error("\"\"", "is a required field", "NotificationType"),
						error("-1", "is not a valid value", "EntityId"),
						error("\"maybe\"", "is not a valid value", "IsDismissed"),
						error("5", "is not a valid value", "SystemId")));
	}

	static Stream<Arguments> wrongTypes() {
		// field, value as sent, AttemptedValue as answered
		return Stream.of(Arguments.of("CoworkerId", "1.9", "1.9"), Arguments.of("CoworkerId", "5.0", "5.0"),
				Arguments.of("CoworkerId", "\"abc\"", "\"abc\""), Arguments.of("CoworkerId", "true", "true"),
				Arguments.of("CoworkerId", "2147483648", "2147483648"),
				Arguments.of("CoworkerId", "\"2147483648\"", "\"2147483648\""),
				Arguments.of("CoworkerId", "\" 5\"", "\" 5\""), Arguments.of("CoworkerId", "[5]", "[5]"),
				Arguments.of("CoworkerId", "{\"v\":5}", "{\"v\":5}"), Arguments.of("EntityId", "1e3", "1E+3"),
				Arguments.of("Message", "42", "42"), Arguments.of("Message", "true", "true"),
				Arguments.of("Message", "\"a\\u0000b\"", "\"a\\u0000b\""),
				Arguments.of("Message", "\"a\\ud800b\"", "\"a\\uD800b\""),
				Arguments.of("NotificationType", "\"\\udc00\"", "\"\\uDC00\""), Arguments.of("IsDismissed", "1", "1"),
				Arguments.of("IsDismissed", "\"yes\"", "\"yes\""), Arguments.of("SystemId", "[\"x\"]", "[\"x\"]"));
	}

	@ParameterizedTest
	@MethodSource("wrongTypes")
	void valueOfTheWrongTypeIsNotValid(String field, String value, String attemptedValue) {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("coworker_notifications", id,
				() -> putJson(BASE, withId(id, with(field, value)), admin()), 400,
				failure(400, field, "is not a valid value", error(attemptedValue, "is not a valid value", field)));
	}

	@Test
	void idOutOfRangeIsNotValid() {
		Response response = putJson(BASE, withId(0, VALID).replace("\"Id\":0", "\"Id\":2147483648"), admin());

		assertThat(response.body())
			.isEqualTo(failure(400, "Id", "is not a valid value", error("2147483648", "is not a valid value", "Id")));
	}

	@Test
	void nonPositiveIdIsNotValid() {
		Response response = putJson(BASE, withId(0, VALID), admin());

		assertThat(response.body())
			.isEqualTo(failure(400, "Id", "is not a valid value", error("0", "is not a valid value", "Id")));
	}

	static Stream<Arguments> limits() {
		return Stream.of(Arguments.of("Message", 4000), Arguments.of("NotificationType", 100),
				Arguments.of("SystemId", 255));
	}

	@ParameterizedTest
	@MethodSource("limits")
	void stringAtItsLimitIsAccepted(String field, int limit) {
		int id = createdId(BASE, VALID);

		assertThat(putJson(BASE, withId(id, with(field, "\"" + "x".repeat(limit) + "\"")), admin()).status())
			.isEqualTo(200);
		assertThat(readRecord(BASE, id).get(field).asString()).hasSize(limit);
	}

	@ParameterizedTest
	@MethodSource("limits")
	void stringOverItsLimitIsRefusedWithTheValueAsSent(String field, int limit) {
		int id = createdId(BASE, VALID);
		String tooLong = "\"" + "x".repeat(limit + 1) + "\"";

		assertRefusedAndUnchanged("coworker_notifications", id,
				() -> putJson(BASE, withId(id, with(field, tooLong)), admin()), 400,
				failure(400, field, "must be at most " + limit + " characters",
						error(tooLong, "must be at most " + limit + " characters", field)));
	}

	@Test
	void createThatFailsValidationStoresNothing() {
		Response response = postJson(BASE, without("Message"), admin());

		assertThat(response.status()).isEqualTo(400);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM coworker_notifications", Integer.class)).isZero();
	}

	@Test
	void unknownIdIsNotFound() {
		Response response = putJson(BASE, withId(987654, VALID), admin());

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body())
			.isEqualTo(failure(404, "Id", "was not found", error("987654", "was not found", "Id")));
	}

	@Test
	void validationComesBeforeTheLookup() {
		Response response = putJson(BASE, withId(987654, without("Message")), admin());

		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void readOfAnUnknownIdIsNotFound() {
		Response response = get(BASE + "/987654", admin());

		assertThat(response.body())
			.isEqualTo(failure(404, "Id", "was not found", error("987654", "was not found", "Id")));
	}

	@Test
	void readWithANonNumericIdIsNotValid() {
		Response response = get(BASE + "/abc", admin());

		assertThat(response.body())
			.isEqualTo(failure(400, "Id", "is not a valid value", error("\"abc\"", "is not a valid value", "Id")));
	}

	/**
	 * An Id in the path is read as one in a body: ASCII digits, so that no other spelling
	 * reaches a record (hexadecimal {@code 0x..} and {@code #..}, a sign, blanks and
	 * non-ASCII digits used to).
	 */
	@Test
	void anIdInThePathIsAsciiDigitsAlone() {
		int id = createdId(BASE, VALID);
		String hex = Integer.toHexString(id);
		String fullWidth = String.valueOf(id)
			.chars()
			.mapToObj((digit) -> String.valueOf((char) ('\uFF10' + digit - '0')))
			.collect(Collectors.joining());
		for (String[] sent : new String[][] { { "0x" + hex, "0x" + hex }, { "%23" + hex, "#" + hex },
				{ "+" + id, "+" + id }, { "%20" + id, " " + id },
				{ URLEncoder.encode(fullWidth, StandardCharsets.UTF_8), fullWidth } }) {
			String refusal = failure(400, "Id", "is not a valid value",
					error(JSON.writeValueAsString(sent[1]), "is not a valid value", "Id"));
			assertThat(get(BASE + "/" + sent[0], admin()).body()).as(sent[1]).isEqualTo(refusal);
			assertRefusedAndUnchanged("coworker_notifications", id, () -> delete(BASE + "/" + sent[0], admin()), 400,
					refusal);
		}
	}

	static Stream<String> unreadableBodies() {
		return Stream.of("", "   ", "not json", "{", "[]", "[{\"Id\":1}]", "\"text\"", "42", "null",
				"{\"Id\":1,\"Id\":2}", "{\"Id\":1,\"id\":2}", "{\"CoworkerId\":NaN}", "{\"CoworkerId\":Infinity}",
				"{\"Id\":1} {\"Id\":2}", "{\"Id\":1} x", "{'Id':1}", "{Id:1}", "{\"Id\":1,}");
	}

	@ParameterizedTest
	@MethodSource("unreadableBodies")
	void unreadableBodyIsRefusedWithNoPropertyErrors(String body) {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("coworker_notifications", id, () -> putJson(BASE, body, admin()), 400,
				failure(400, "The request body is not valid JSON."));
	}

	@Test
	void invalidUtf8IsRefusedAsUnreadable() {
		int id = createdId(BASE, VALID);
		byte[] body = withId(id, with("Message", "\"XX\"")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		int at = new String(body, java.nio.charset.StandardCharsets.UTF_8).indexOf("XX");
		body[at] = (byte) 0xC3;
		body[at + 1] = (byte) 0x28;

		assertRefusedAndUnchanged(
				"coworker_notifications", id, () -> send("PUT", BASE, "application/json",
						java.net.http.HttpRequest.BodyPublishers.ofByteArray(body), admin()),
				400, failure(400, "The request body is not valid JSON."));
	}

	@Test
	void rawNulCharacterNamesItsProperty() {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("coworker_notifications", id,
				() -> putJson(BASE, withId(id, with("Message", "\"a\u0000b\"")), admin()), 400, failure(400, "Message",
						"is not a valid value", error("\"a\\u0000b\"", "is not a valid value", "Message")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/xml", "multipart/form-data; boundary=x", "multipart/form-data",
			"multipart/mixed; boundary=" })
	void contentTypeOtherThanJsonOrAFormIsUnsupported(String contentType) {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("coworker_notifications", id,
				() -> send("PUT", BASE, contentType, withId(id, VALID), admin()), 415,
				failure(415, "The request content type is not supported; send application/json."));
	}

	@Test
	void missingContentTypeIsUnsupported() {
		int id = createdId(BASE, VALID);

		assertRefusedAndUnchanged("coworker_notifications", id,
				() -> send("PUT", BASE, null, withId(id, VALID), admin()), 415,
				failure(415, "The request content type is not supported; send application/json."));
	}

	@Test
	void jsonWithACharsetIsAccepted() {
		int id = createdId(BASE, VALID);

		assertThat(send("PUT", BASE, "application/json; charset=utf-8", withId(id, VALID), admin()).status())
			.isEqualTo(200);
	}

	@Test
	void wrongMethodIsNotAllowedWithAnAllowHeader() {
		Response response = send("PATCH", BASE, "application/json", VALID, admin());

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.header("Allow")).contains("PUT").contains("POST");
		assertThat(response.body()).isEqualTo(failure(405, "The requested HTTP method is not allowed on this URL."));
		assertThat(methods(response)).isEqualTo(methods(send("OPTIONS", BASE, null, (String) null, admin())));
	}

	@Test
	void putOnARecordPathIsNotAllowed() {
		int id = createdId(BASE, VALID);
		Response response = putJson(BASE + "/" + id, withId(id, VALID), admin());

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.header("Allow")).contains("GET");
		// what OPTIONS on the same path names: HEAD and OPTIONS too
		assertThat(methods(response)).isEqualTo(methods(send("OPTIONS", BASE + "/" + id, null, (String) null, admin())))
			.contains("HEAD", "OPTIONS");
	}

	private static Set<String> methods(Response response) {
		return Arrays.stream(response.header("Allow").split(",")).map(String::strip).collect(Collectors.toSet());
	}

	@Test
	void bodyOverOneMebibyteIsRefusedBeforeParsing() {
		int id = createdId(BASE, VALID);
		String huge = withId(id, with("Message", "\"" + "x".repeat(1024 * 1024) + "\""));

		assertRefusedAndUnchanged("coworker_notifications", id, () -> putJson(BASE, huge, admin()), 413,
				failure(413, "The request body is larger than the limit of 1 MiB."));
	}

	@Test
	void chunkedBodyOverOneMebibyteIsRefused() {
		int id = createdId(BASE, VALID);
		byte[] huge = """
				{"Message":"%s"}""".formatted("x".repeat(1024 * 1024)).getBytes();
		var chunked = java.net.http.HttpRequest.BodyPublishers
			.fromPublisher(java.net.http.HttpRequest.BodyPublishers.ofByteArray(huge));

		assertRefusedAndUnchanged("coworker_notifications", id,
				() -> send("PUT", BASE, "application/json", chunked, admin()), 413,
				failure(413, "The request body is larger than the limit of 1 MiB."));
	}

	@Test
	void bodyOfExactlyOneMebibyteIsRead() {
		int id = createdId(BASE, VALID);
		String body = withId(id, VALID);
		String padded = body.substring(0, body.length() - 1) + ",\"Pad\":\""
				+ "x".repeat(1024 * 1024 - body.length() - 9) + "\"}";
		assertThat(padded.length()).isEqualTo(1024 * 1024);

		assertThat(putJson(BASE, padded, admin()).status()).isEqualTo(200);
	}

	/**
	 * A caller that takes no JSON is refused before the handler runs: the write it asked
	 * for does not happen, keyed or not.
	 */
	@Test
	void aWriteForACallerThatTakesNoJsonIsA406AndChangesNothing() {
		int id = createdId(BASE, VALID);
		Map<String, List<Map<String, Object>>> before = writableRows();
		Map<String, String> html = Map.of("Accept", "text/html");

		List<Response> refused = List.of(
				send("PUT", BASE, "application/json", withId(id, with("Message", "\"Changed\"")), admin(), html),
				send("POST", BASE, "application/json", VALID, admin(), html),
				send("POST", BASE, "application/json", VALID, admin(),
						Map.of("Accept", "application/xml", "Idempotency-Key", "k-406")),
				send("DELETE", BASE + "/" + id, null, null, admin(), html));

		for (Response response : refused) {
			assertThat(response.status()).as(response.body()).isEqualTo(406);
			assertThat(response.body()).isEqualTo(
					failure(406, "The requested response type is not available; this API answers application/json."));
		}
		assertThat(writableRows()).isEqualTo(before);
		// a read changes nothing: its error is answered whatever Accept says
		assertThat(send("GET", BASE + "/987654", null, null, admin(), html).body())
			.isEqualTo(failure(404, "Id", "was not found", error("987654", "was not found", "Id")));
	}

	/**
	 * JSON is the one format answered, whatever libraries are on the class path:
	 * springdoc brings a YAML one, and a read asking for YAML was answered in YAML.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "application/yaml", "application/xml", "text/xml", "application/cbor" })
	void aReadInAnotherFormatIsA406(String type) {
		int id = createdId(BASE, VALID);
		String refusal = failure(406,
				"The requested response type is not available; this API answers application/json.");
		for (String path : List.of(BASE + "/" + id, BASE, BASE + "/", "/.well-known/jwks.json")) {
			Response response = send("GET", path, null, null, admin(), Map.of("Accept", type));
			assertThat(response.status()).as(path).isEqualTo(406);
			assertThat(response.body()).as(path).isEqualTo(refusal);
			// the record's tag was set before the answer failed: it does not tag the
			// refusal
			assertThat(response.header("ETag")).as(path).isNull();
		}
	}

	@Test
	void unknownPathIsNotFoundForAnAuthenticatedCaller() {
		Response response = get("/api/spaces/nothing-here", admin());

		assertThat(response.body()).isEqualTo(failure(404, "The requested resource was not found."));
	}

	static String withId(int id, String body) {
		return body.replaceFirst("\\{", "{\"Id\":" + id + ",");
	}

	static String with(String field, String rawValue) {
		String body = without(field);
		return body.substring(0, body.length() - 1) + ",\"" + field + "\":" + rawValue + "}";
	}

	static String without(String field) {
		JsonNode node = JSON.readTree(VALID);
		((tools.jackson.databind.node.ObjectNode) node).remove(field);
		return JSON.writeValueAsString(node);
	}

}
