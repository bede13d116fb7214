package io.notifications.ephemeral;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the ephemeral profile there is no steering: every one of its paths is an
 * unknown path, for the Administrator, for every other role and without credentials.
 */
class ResetOutsideEphemeralModeTests extends ApiTestSupport {

	@ParameterizedTest
	@CsvSource({ "POST, /ephemeral/reset", "GET, /ephemeral/requests", "DELETE, /ephemeral/requests",
			"POST, /ephemeral/faults", "GET, /ephemeral/faults", "DELETE, /ephemeral/faults/1", "GET, /ephemeral/clock",
			"POST, /ephemeral/clock" })
	void theSteeringIsNotThereOutsideEphemeralMode(String method, String path) {
		for (String authorization : new String[] { admin(), bearer("cn-edit@example.com", "role-secret"), null }) {
			Response response = send(method, path, "application/json", "{}", authorization);
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.body()).isEqualTo(failure(404, "The requested resource was not found."));
		}
	}

}
