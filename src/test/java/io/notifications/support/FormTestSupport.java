package io.notifications.support;

import tools.jackson.databind.JsonNode;

import static io.notifications.support.Envelopes.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-stack tests of form bodies: the create that Python's {@code requests} sends.
 */
public abstract class FormTestSupport extends ApiTestSupport {

	protected static final String FORM = "application/x-www-form-urlencoded";

	/**
	 * Creates a record with a form as {@code requests.post(url, data=..., auth=...)}
	 * sends it as the Administrator, asserts the JSON answer (the success envelope whose
	 * Value is the record exactly as a read gives it) and answers that record.
	 */
	protected JsonNode createdLikePythonRequests(String basePath, String resourceName, String form) {
		Response response = PythonRequests.send(this.port, "POST", basePath, form, ADMIN, ADMIN_PASSWORD);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode stored = readRecord(basePath, response.json().get("Value").get("Id").asInt());
		assertThat(response.body()).isEqualTo(success(resourceName + " was successfully created.", stored.toString(),
				stored.get("CreatedOn").asString(), ADMIN));
		return stored;
	}

}
