package io.notifications.ephemeral;

import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import static io.notifications.ephemeral.NoQueryParameters.NOT_TAKEN;
import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A steering call that reads no query parameters refuses any and changes nothing: {@code
 * DELETE /ephemeral/requests?method=PUT} emptied the whole journal, {@code DELETE
 * /ephemeral/faults?Effect=Drop} removed every rule, and {@code POST
 * /ephemeral/reset?keepJournal=true} reset everything.
 */
class SteeringParametersTests extends SteeringTestSupport {

	@Test
	void aCallThatReadsNoQueryParametersRefusesAnyAndChangesNothing() {
		fixClock("2025-01-15T10:30:00Z");
		String clock = steer("GET", "/ephemeral/clock", null).body();
		get(COWORKERS, admin());
		long journalled = lastSequence();
		assertThat(steer("POST", "/ephemeral/faults", """
				{"PathPrefix":"/nowhere/","Effect":"Drop"}""").status()).isEqualTo(200);

		assertRefused(steer("DELETE", "/ephemeral/requests?method=PUT", null), "method", "PUT");
		assertRefused(steer("DELETE", "/ephemeral/faults?Effect=Drop", null), "Effect", "Drop");
		assertRefused(steer("GET", "/ephemeral/faults?bogus=1", null), "bogus", "1");
		assertRefused(steer("POST", "/ephemeral/reset?keepJournal=true", null), "keepJournal", "true");
		assertRefused(steer("POST", "/ephemeral/clock?AdvanceSeconds=5", """
				{"AdvanceSeconds":1}"""), "AdvanceSeconds", "5");

		assertThat(lastSequence()).isEqualTo(journalled);
		assertThat(steer("GET", "/ephemeral/faults", null).json().get("TotalItems").asInt()).isEqualTo(1);
		assertThat(steer("GET", "/ephemeral/clock", null).body()).isEqualTo(clock);
	}

	private static void assertRefused(Response response, String parameter, String value) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.body())
			.isEqualTo(failure(400, parameter, NOT_TAKEN, error("\"" + value + "\"", NOT_TAKEN, parameter)));
	}

}
