package io.notifications.coworkernotification;

import io.notifications.resource.RecordWrites;
import io.notifications.security.ResourceWebSlice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.notifications.coworkernotification.CoworkerNotificationApiTests.BASE;
import static io.notifications.coworkernotification.CoworkerNotificationApiTests.VALID;
import static io.notifications.coworkernotification.CoworkerNotificationApiTests.with;
import static io.notifications.coworkernotification.CoworkerNotificationApiTests.withId;
import static io.notifications.coworkernotification.CoworkerNotificationApiTests.without;
import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The binding rules of a coworker notification's PUT in the web slice: every refused body
 * gets its exact envelope before anything reaches the store. The same cases run end to
 * end in {@link CoworkerNotificationApiTests}, which also checks that the stored record
 * did not change.
 */
@ResourceWebSlice
class CoworkerNotificationWebTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CoworkerNotificationRepository repository;

	@Autowired
	RecordWrites records;

	@AfterEach
	void nothingReachedTheStore() {
		then(this.repository).shouldHaveNoInteractions();
		then(this.records).shouldHaveNoInteractions();
	}

	@ParameterizedTest
	@MethodSource("io.notifications.coworkernotification.CoworkerNotificationApiTests#requiredFields")
	void aMissingOrNullRequiredFieldIsNamed(String field) {
		String required = failure(400, field, "is a required field", error("null", "is a required field", field));

		assertThat(put(withId(7, without(field)))).hasStatus(400).bodyText().isEqualTo(required);
		assertThat(put(withId(7, with(field, "null")))).hasStatus(400).bodyText().isEqualTo(required);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Message", "NotificationType" })
	void aBlankRequiredStringIsNamedWithTheBlankAsSent(String field) {
		assertThat(put(withId(7, with(field, "\"  \"")))).hasStatus(400)
			.bodyText()
			.isEqualTo(failure(400, field, "is a required field", error("\"  \"", "is a required field", field)));
	}

	@Test
	void everyFailingFieldIsListedInContractOrder() {
		assertThat(
				put("""
						{"SystemId":5,"EntityId":-1,"NotificationType":"","Message":null,"CoworkerId":0,"Id":7,"IsDismissed":"maybe"}"""))
			.hasStatus(400)
			.bodyText()
			.isEqualTo(failure(400, "CoworkerId", "is not a valid value",
					error("0", "is not a valid value", "CoworkerId"), error("null", "is a required field", "Message"),
					error("\"\"", "is a required field", "NotificationType"),
					error("-1", "is not a valid value", "EntityId"),
					error("\"maybe\"", "is not a valid value", "IsDismissed"),
					error("5", "is not a valid value", "SystemId")));
	}

	@ParameterizedTest
	@MethodSource("io.notifications.coworkernotification.CoworkerNotificationApiTests#wrongTypes")
	void aValueOfTheWrongTypeIsNotValid(String field, String value, String attemptedValue) {
		assertThat(put(withId(7, with(field, value)))).hasStatus(400)
			.bodyText()
			.isEqualTo(
					failure(400, field, "is not a valid value", error(attemptedValue, "is not a valid value", field)));
	}

	@ParameterizedTest
	@MethodSource("io.notifications.coworkernotification.CoworkerNotificationApiTests#limits")
	void aStringOverItsLimitIsRefusedWithTheValueAsSent(String field, int limit) {
		String tooLong = "\"" + "x".repeat(limit + 1) + "\"";
		String message = "must be at most " + limit + " characters";

		assertThat(put(withId(7, with(field, tooLong)))).hasStatus(400)
			.bodyText()
			.isEqualTo(failure(400, field, message, error(tooLong, message, field)));
	}

	@ParameterizedTest
	@MethodSource("io.notifications.coworkernotification.CoworkerNotificationApiTests#unreadableBodies")
	void anUnreadableBodyIsRefusedWithNoPropertyErrors(String body) {
		assertThat(put(body)).hasStatus(400).bodyText().isEqualTo(failure(400, "The request body is not valid JSON."));
	}

	@Test
	void anUpdateWithoutIdIsARequiredFieldError() {
		assertThat(put(VALID)).hasStatus(400)
			.bodyText()
			.isEqualTo(failure(400, "Id", "is a required field", error("null", "is a required field", "Id")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/xml" })
	void aContentTypeOtherThanJsonOrAFormIsUnsupported(String contentType) {
		assertThat(this.mvc.put().uri(BASE).contentType(contentType).content(withId(7, VALID)).with(administrator()))
			.hasStatus(415)
			.bodyText()
			.isEqualTo(failure(415, "The request content type is not supported; send application/json."));
	}

	private MvcTestResult put(String body) {
		return this.mvc.put()
			.uri(BASE)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(administrator())
			.exchange();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor administrator() {
		return httpBasic("admin@example.com", "admin-secret");
	}

}
