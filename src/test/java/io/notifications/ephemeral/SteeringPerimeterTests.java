package io.notifications.ephemeral;

import java.util.List;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steering endpoints with the API's rate limits turned on: they are the test's calls,
 * not the API's traffic, so they are never counted, and a stopped clock cannot lock the
 * test out of moving it. What no steering route takes is an unknown path, a 404 for
 * everyone, as elsewhere outside {@code /api}.
 */
@ActiveProfiles("ephemeral")
@TestPropertySource(
		properties = { "notifications.rate-limit.enabled=true", "notifications.rate-limit.writes-per-minute=2" })
class SteeringPerimeterTests extends ApiTestSupport {

	static final String COWORKERS = SteeringTestSupport.COWORKERS;

	static final String NEW = SteeringTestSupport.NEW_COWORKER_NOTIFICATION;

	@Test
	void steeringIsNeverRateLimitedAndAStoppedClockLocksNothing() {
		String admin = basic(ADMIN, ADMIN_PASSWORD);
		assertThat(send("POST", "/ephemeral/clock", "application/json", """
				{"Now":"2025-01-15T10:30:00Z"}""", admin).status()).isEqualTo(200);
		for (int call = 0; call < 5; call++) {
			assertThat(send("POST", "/ephemeral/reset", null, (String) null, admin).status()).isEqualTo(200);
			assertThat(send("DELETE", "/ephemeral/faults", null, (String) null, admin).status()).isEqualTo(204);
		}

		// the API's writes are limited all the same: two a minute
		List<Integer> writes = List.of(postJson(COWORKERS, NEW, admin).status(),
				postJson(COWORKERS, NEW, admin).status(), postJson(COWORKERS, NEW, admin).status());
		assertThat(writes).containsExactly(200, 200, 429);
		// and the clock, moved on, refills them
		assertThat(send("POST", "/ephemeral/clock", "application/json", """
				{"AdvanceSeconds":120}""", admin).status()).isEqualTo(200);
		assertThat(postJson(COWORKERS, NEW, admin).status()).isEqualTo(200);
	}

	@Test
	void whatNoSteeringRouteTakesIsAnUnknownPathForEveryone() {
		for (String authorization : new String[] { null, basic(ADMIN, ADMIN_PASSWORD),
				basic("cn-read@example.com", "role-secret") }) {
			for (String path : List.of("/ephemeral/nope", "/ephemeral/faults/", "/ephemeral")) {
				Response response = get(path, authorization);
				assertThat(response.status()).as(path + " as " + authorization).isEqualTo(404);
				assertThat(response.body()).isEqualTo(failure(404, "The requested resource was not found."));
			}
		}
		assertThat(get("/ephemeral/clock", null).status()).isEqualTo(401);
		assertThat(get("/ephemeral/clock", basic("cn-read@example.com", "role-secret")).status()).isEqualTo(403);
	}

}
