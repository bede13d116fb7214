package io.notifications.coworkernotification;

import java.util.Map;

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
 * {@code application/x-www-form-urlencoded} creates and updates of coworker notifications
 * over real HTTP, as the public Python client of Nexudus sends them: the value rules of
 * JSON strings, the same envelope and field errors, a repeated name refused on its
 * property.
 */
class CoworkerNotificationFormTests extends FormTestSupport {

	static final String TABLE = "coworker_notifications";

	static final String BASE = CoworkerNotificationApiTests.BASE;

	static final String PYTHON_FORM = "CoworkerId=5&Message=Hello%2C+world+%26+co&NotificationType=push-notification&EntityId=0";

	@Test
	void pythonRequestsCreateGetsTheRecordAsJson() {
		JsonNode stored = createdLikePythonRequests(BASE, "CoworkerNotification", PYTHON_FORM);

		assertThat(stored.get("CoworkerId").asInt()).isEqualTo(5);
		assertThat(stored.get("Message").asString()).isEqualTo("Hello, world & co");
		assertThat(stored.get("NotificationType").asString()).isEqualTo("push-notification");
		assertThat(stored.get("EntityId").asInt()).isZero();
		assertThat(stored.get("IsDismissed").asBoolean()).isFalse();
		assertThat(stored.get("SystemId").isNull()).isTrue();
		assertThat(stored.get("IsNew").asBoolean()).isTrue();
	}

	@Test
	void pythonRequestsUpdateReplacesTheRecord() {
		int id = createdId(BASE, CoworkerNotificationApiTests.VALID);

		Response response = PythonRequests.send(this.port, "PUT", BASE,
				"Id=" + id
						+ "&CoworkerId=6&Message=Paid&NotificationType=blog&EntityId=7&IsDismissed=True&SystemId=ext-1",
				"cn-edit@example.com", "role-secret");

		String updatedOn = response.json().get("UpdatedOn").asString();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(success("CoworkerNotification was successfully updated.", """
				{"Id":%d}""".formatted(id), updatedOn, "cn-edit@example.com"));
		JsonNode stored = readRecord(BASE, id);
		assertThat(stored.get("CoworkerId").asInt()).isEqualTo(6);
		assertThat(stored.get("Message").asString()).isEqualTo("Paid");
		assertThat(stored.get("NotificationType").asString()).isEqualTo("blog");
		assertThat(stored.get("EntityId").asInt()).isEqualTo(7);
		assertThat(stored.get("IsDismissed").asBoolean()).isTrue();
		assertThat(stored.get("SystemId").asString()).isEqualTo("ext-1");
		assertThat(stored.get("IsNew").asBoolean()).isFalse();
	}

	@Test
	void namesMatchInAnyCaseAndAnEmptyValueIsNull() {
		int id = createdId(BASE, CoworkerNotificationApiTests.VALID.replace("}", ",\"SystemId\":\"ext-1\"}"));

		Response response = send("PUT", BASE, FORM + "; charset=UTF-8", "id=" + id
				+ "&coworkerid=007&MESSAGE=caf%C3%A9&notificationType=blog&ENTITYID=42&isdismissed=TRUE&systemid=",
				admin());

		assertThat(response.status()).isEqualTo(200);
		JsonNode stored = readRecord(BASE, id);
		assertThat(stored.get("CoworkerId").asInt()).isEqualTo(7);
		assertThat(stored.get("Message").asString()).isEqualTo("café");
		assertThat(stored.get("EntityId").asInt()).isEqualTo(42);
		assertThat(stored.get("IsDismissed").asBoolean()).isTrue();
		assertThat(stored.get("SystemId").isNull()).isTrue();
	}

	@Test
	void theCharsetParameterDecodesTheFields() {
		Response response = send("POST", BASE, FORM + "; charset=ISO-8859-1",
				"CoworkerId=5&Message=caf%E9&NotificationType=blog&EntityId=0", admin());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("Value").get("Message").asString()).isEqualTo("café");
	}

	@Test
	void everyFailingFieldIsListedInTheRecordsOrderAsForJson() {
		int id = createdId(BASE, CoworkerNotificationApiTests.VALID);

		assertRefusedAndUnchanged(TABLE, id,
				() -> send("PUT", BASE, FORM, "Id=" + id
						+ "&CoworkerId=abc&Message=&NotificationType=+&EntityId=1.5&IsDismissed=yes&SystemId=a%00b",
						admin()),
				400,
				failure(400, "CoworkerId", "is not a valid value",
						error("\"abc\"", "is not a valid value", "CoworkerId"),
						error("null", "is a required field", "Message"),
						error("\" \"", "is a required field", "NotificationType"),
						error("\"1.5\"", "is not a valid value", "EntityId"),
						error("\"yes\"", "is not a valid value", "IsDismissed"),
						error("\"a\\u0000b\"", "is not a valid value", "SystemId")));
	}

	@Test
	void missingFieldsAreRequiredAndAnUnknownIdIsNotFound() {
		Response missing = send("POST", BASE, FORM, "", admin());
		Response unknown = send("PUT", BASE, FORM, "Id=987654&CoworkerId=5&Message=m&NotificationType=blog&EntityId=0",
				admin());

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).isEqualTo(failure(400, "CoworkerId", "is a required field",
				error("null", "is a required field", "CoworkerId"), error("null", "is a required field", "Message"),
				error("null", "is a required field", "NotificationType"),
				error("null", "is a required field", "EntityId")));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body())
			.isEqualTo(failure(404, "Id", "was not found", error("987654", "was not found", "Id")));
	}

	@Test
	void aRepeatedNameIsRefusedOnItsPropertyWhateverItsCase() {
		int id = createdId(BASE, CoworkerNotificationApiTests.VALID);

		assertRefusedAndUnchanged(TABLE, id, () -> send("PUT", BASE, FORM,
				"Id=" + id + "&CoworkerId=5&Message=a&message=&NotificationType=blog&EntityId=0&EntityId=1", admin()),
				400,
				failure(400, "Message", "is not a valid value",
						error("[\"a\",null]", "is not a valid value", "Message"),
						error("[\"0\",\"1\"]", "is not a valid value", "EntityId")));
	}

	@Test
	void aMalformedEscapeOrByteSequenceIsAnUnreadableBody() {
		int id = createdId(BASE, CoworkerNotificationApiTests.VALID);
		String valid = "Id=" + id + "&CoworkerId=5&NotificationType=blog&EntityId=0&Message=";

		for (String message : new String[] { "%ZZ", "50%", "%C3%28", "%C0%AF" }) {
			assertRefusedAndUnchanged(TABLE, id, () -> send("PUT", BASE, FORM, valid + message, admin()), 400,
					failure(400, "The request body is not a valid form."));
		}
	}

	@Test
	void anUnknownCharsetOrAnotherContentTypeIsUnsupported() {
		int id = createdId(BASE, CoworkerNotificationApiTests.VALID);
		String form = "Id=" + id + "&CoworkerId=6&Message=m&NotificationType=blog&EntityId=0";

		for (String contentType : new String[] { FORM + "; charset=no-such-charset", "multipart/form-data; boundary=x",
				"text/plain" }) {
			assertRefusedAndUnchanged(TABLE, id, () -> send("PUT", BASE, contentType, form, admin()), 415,
					failure(415, "The request content type is not supported; send application/json."));
		}
	}

	@Test
	void anIdempotentFormCreateIsAnsweredOnce() {
		Map<String, String> key = Map.of("Idempotency-Key", "form-create-1");
		String form = "CoworkerId=5&Message=once&NotificationType=blog&EntityId=0";

		Response first = send("POST", BASE, FORM, form, admin(), key);
		Response again = send("POST", BASE, FORM, form, admin(), key);
		Response other = send("POST", BASE, FORM, form.replace("once", "twice"), admin(), key);

		assertThat(first.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(other.status()).isEqualTo(422);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM coworker_notifications", Integer.class)).isEqualTo(1);
	}

	@Test
	void theIdOfACreateFormIsIgnored() {
		Response response = send("POST", BASE, FORM, "Id=abc&CoworkerId=5&Message=m&NotificationType=blog&EntityId=0",
				admin());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("Value").get("Id").asInt()).isPositive();
	}

}
