package io.notifications.systemnotification;

import io.notifications.resource.RecordWrites;
import io.notifications.security.ResourceWebSlice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static io.notifications.systemnotification.SystemNotificationApiTests.BASE;
import static io.notifications.systemnotification.SystemNotificationApiTests.VALID;
import static io.notifications.systemnotification.SystemNotificationApiTests.with;
import static io.notifications.systemnotification.SystemNotificationApiTests.withId;
import static io.notifications.systemnotification.SystemNotificationApiTests.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The binding rules of a system notification's PUT in the web slice: enums, date-times,
 * the cross-field rules and every refused body with its exact envelope, before anything
 * reaches the store. The same cases run end to end in {@link SystemNotificationApiTests}.
 */
@ResourceWebSlice
class SystemNotificationWebTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SystemNotificationRepository repository;

	@Autowired
	RecordWrites records;

	@AfterEach
	void nothingReachedTheStore() {
		then(this.repository).shouldHaveNoInteractions();
		then(this.records).shouldHaveNoInteractions();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Severity|0", "Severity|4", "Severity|\"Critical\"", "Severity|2.0",
			"Severity|true", "MessageType|3", "MessageType|-1", "MessageType|\"Notice\"" })
	void anEnumValueOutsideTheEnumIsNotValid(String field, String sent) {
		assertThat(put(withId(7, with(VALID, field, sent)))).hasStatus(400)
			.bodyText()
			.isEqualTo(failure(400, field, "is not a valid value", error(sent, "is not a valid value", field)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1736937000", "1736937000.5", "\"yesterday\"", "\"2025-13-01T00:00:00Z\"",
			"\"2025-01-15\"", "\"10:30:00\"", "\"2025-01-15T25:00:00Z\"", "\"10000-01-01T00:00:00Z\"", "true", "\"\"",
			"\"2025-01-15T10:30:00.Z\"", "\"2025-01-15T10:30:00+01:00[Europe/Paris]\"" })
	void anUnreadableDateTimeIsNotValid(String sent) {
		assertThat(put(withId(7, with(VALID, "StartTime", sent)))).hasStatus(400)
			.bodyText()
			.isEqualTo(failure(400, "StartTime", "is not a valid value",
					error(sent, "is not a valid value", "StartTime")));
	}

	@ParameterizedTest
	@MethodSource("io.notifications.systemnotification.SystemNotificationApiTests#requiredFields")
	void aMissingOrNullRequiredFieldIsNamed(String field) {
		String required = failure(400, field, "is a required field", error("null", "is a required field", field));

		assertThat(put(withId(7, without(VALID, field)))).hasStatus(400).bodyText().isEqualTo(required);
		assertThat(put(withId(7, with(VALID, field, "null")))).hasStatus(400).bodyText().isEqualTo(required);
	}

	@ParameterizedTest
	@MethodSource("io.notifications.systemnotification.SystemNotificationApiTests#limits")
	void aStringOverItsLimitIsRefused(String field, int limit) {
		String tooLong = "\"" + "x".repeat(limit + 1) + "\"";
		String message = "must be at most " + limit + " characters";

		assertThat(put(withId(7, with(VALID, field, tooLong)))).hasStatus(400)
			.bodyText()
			.isEqualTo(failure(400, field, message, error(tooLong, message, field)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.com/x", "example.com/page", "/relative/path", "https://" })
	void aButtonUrlMustBeAnAbsoluteHttpUrl(String url) {
		assertThat(put(withId(7, with(VALID, "ButtonUrl", "\"" + url + "\"")))).hasStatus(400)
			.bodyText()
			.isEqualTo(failure(400, "ButtonUrl", "is not a valid value",
					error("\"" + url + "\"", "is not a valid value", "ButtonUrl")));
	}

	@Test
	void unPublishOnMustBeLaterThanPublishOnAndAButtonNeedsALabelAndAUrl() {
		String early = with(with(VALID, "PublishOn", "\"2025-01-15T00:00:00Z\""), "UnPublishOn",
				"\"2025-01-14T23:59:59Z\"");
		assertThat(put(withId(7, early))).hasStatus(400)
			.bodyText()
			.isEqualTo(failure(400, "UnPublishOn", "must be later than PublishOn",
					error("\"2025-01-14T23:59:59Z\"", "must be later than PublishOn", "UnPublishOn")));
		String button = with(with(VALID, "HasButton", "true"), "ButtonLabel", "\" \"");
		assertThat(put(withId(7, button))).hasStatus(400)
			.bodyText()
			.isEqualTo(failure(400, "ButtonLabel", "is a required field",
					error("\" \"", "is a required field", "ButtonLabel"),
					error("null", "is a required field", "ButtonUrl")));
	}

	@Test
	void anEmptyObjectListsEveryRequiredFieldInContractOrder() {
		assertThat(put("{}")).hasStatus(400)
			.bodyText()
			.isEqualTo(failure(400, "Id", "is a required field", error("null", "is a required field", "Id"),
					error("null", "is a required field", "Title"), error("null", "is a required field", "Severity"),
					error("null", "is a required field", "StartTime"),
					error("null", "is a required field", "ShortDescription"),
					error("null", "is a required field", "Description"),
					error("null", "is a required field", "MessageType")));
	}

	private MvcTestResult put(String body) {
		return this.mvc.put()
			.uri(BASE)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(httpBasic("admin@example.com", "admin-secret"))
			.exchange();
	}

}
