package io.notifications.ephemeral;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import io.notifications.persistence.UniqueIds;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's clock and seed over real HTTP: read, stopped and moved; what reads it
 * (records, envelopes, tokens and their expiry, the journal); and the seeded UniqueIds.
 */
class ClockTests extends SteeringTestSupport {

	@Test
	void theClockIsTheSystemsUntilItIsStoppedOrMoved() {
		JsonNode running = steer("GET", "/ephemeral/clock", null).json();
		assertThat(running.get("Fixed").asBoolean()).isFalse();

		Response fixed = steer("POST", "/ephemeral/clock", """
				{"Now":"2025-01-15T10:30:00Z"}""");
		assertThat(fixed.status()).isEqualTo(200);
		assertThat(fixed.body()).isEqualTo("{\"Now\":\"2025-01-15T10:30:00Z\",\"Fixed\":true}");
		assertThat(steer("GET", "/ephemeral/clock", null).body()).isEqualTo(fixed.body());

		assertThat(steer("POST", "/ephemeral/clock", """
				{"advanceseconds":3600}""").body()).isEqualTo("{\"Now\":\"2025-01-15T11:30:00Z\",\"Fixed\":true}");
		assertThat(steer("POST", "/ephemeral/clock", """
				{"Now":"2024-12-31T23:59:59Z"}""").body())
			.isEqualTo("{\"Now\":\"2024-12-31T23:59:59Z\",\"Fixed\":true}");
	}

	/**
	 * A reset leaves the clock as it is, so a test that stopped it lets it run again for
	 * the tests after it.
	 */
	@Test
	void aDeleteLetsTheClockRunWithTheSystemsAgain() {
		fixClock("2025-01-15T10:30:00Z");
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		Response released = steer("DELETE", "/ephemeral/clock", null);

		assertThat(released.status()).isEqualTo(200);
		assertThat(released.json().get("Fixed").asBoolean()).isFalse();
		assertThat(Instant.parse(released.json().get("Now").asString())).isBetween(before, Instant.now());
		Response created = postJson(COWORKERS, NEW_COWORKER_NOTIFICATION, admin());
		assertThat(Instant.parse(created.json().get("Value").get("CreatedOn").asString())).isBetween(before,
				Instant.now());
		assertThat(steer("GET", "/ephemeral/clock", null).json().get("Fixed").asBoolean()).isFalse();
		// a clock already running is left running
		assertThat(steer("DELETE", "/ephemeral/clock", null).json().get("Fixed").asBoolean()).isFalse();
	}

	@Test
	void onlyTheAdministratorLetsTheClockRunAgain() {
		fixClock("2025-01-15T10:30:00Z");

		Response anonymous = send("DELETE", "/ephemeral/clock", null, (String) null, null);
		Response reader = send("DELETE", "/ephemeral/clock", null, (String) null,
				basic("cn-read@example.com", "role-secret"));

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.body()).isEqualTo(failure(401, "Authorization has been denied for this request."));
		assertThat(reader.status()).isEqualTo(403);
		assertThat(reader.body()).isEqualTo(failure(403, "You do not have permission to perform this action."));
		assertThat(steer("GET", "/ephemeral/clock", null).body())
			.isEqualTo("{\"Now\":\"2025-01-15T10:30:00Z\",\"Fixed\":true}");
	}

	@Test
	void aClockRequestTakesNowOrAdvanceSecondsAndNotBoth() {
		fixClock("2025-01-15T10:30:00Z");
		assertThat(steer("POST", "/ephemeral/clock", """
				{"Now":"2025-01-15T10:30:00Z","AdvanceSeconds":60}""").body()).isEqualTo(failure(400, "AdvanceSeconds",
				"cannot be given with Now", error("60", "cannot be given with Now", "AdvanceSeconds")));
		assertThat(steer("POST", "/ephemeral/clock", "{}").json().get("Message").asString())
			.isEqualTo("Now: is a required field");
		assertThat(steer("POST", "/ephemeral/clock", """
				{"Now":"tomorrow"}""").json().get("Message").asString()).isEqualTo("Now: is not a valid value");
		// the value sent first: it is why Now is missing
		assertThat(steer("POST", "/ephemeral/clock", """
				{"AdvanceSeconds":1.5}""").body()).isEqualTo(failure(400, "AdvanceSeconds", "is not a valid value",
				error("1.5", "is not a valid value", "AdvanceSeconds"), error("null", "is a required field", "Now")));
		assertThat(steer("POST", "/ephemeral/clock", """
				{"AdvanceSeconds":60,"Advance":5}""").body()).isEqualTo(
				failure(400, "Advance", "is not a known property", error("5", "is not a known property", "Advance")));
		// the misspelt name first: it is why Now is missing
		assertThat(steer("POST", "/ephemeral/clock", """
				{"Later":1}""").body()).isEqualTo(failure(400, "Later", "is not a known property",
				error("1", "is not a known property", "Later"), error("null", "is a required field", "Now")));
		assertThat(steer("GET", "/ephemeral/clock", null).body())
			.isEqualTo("{\"Now\":\"2025-01-15T10:30:00Z\",\"Fixed\":true}");
	}

	/** Steering takes JSON alone, as the API's resources take JSON or a form. */
	@Test
	void aBodyInAnotherTypeThanJsonIsA415AndTheClockStaysPut() {
		fixClock("2025-01-15T10:30:00Z");
		for (String contentType : new String[] { "text/plain", "application/x-www-form-urlencoded", null }) {
			Response refused = send("POST", "/ephemeral/clock", contentType, """
					{"Now":"2001-01-01T00:00:00Z"}""", admin());
			assertThat(refused.status()).as(contentType).isEqualTo(415);
			assertThat(refused.body())
				.isEqualTo(failure(415, "The request content type is not supported; send application/json."));
		}
		assertThat(steer("GET", "/ephemeral/clock", null).body())
			.isEqualTo("{\"Now\":\"2025-01-15T10:30:00Z\",\"Fixed\":true}");
	}

	@Test
	void aMoveOutOfTheYearsOneTo9999IsA400AndTheClockStaysPut() {
		fixClock("2025-01-15T10:30:00Z");
		for (String seconds : List.of("9223372036854775807", "-9223372036854775808", "-99999999999", "253402300800")) {
			assertThat(steer("POST", "/ephemeral/clock", "{\"AdvanceSeconds\":" + seconds + "}").body()).as(seconds)
				.isEqualTo(failure(400, "AdvanceSeconds", ClockController.OUT_OF_RANGE,
						error(seconds, ClockController.OUT_OF_RANGE, "AdvanceSeconds")));
		}
		assertThat(steer("GET", "/ephemeral/clock", null).body())
			.isEqualTo("{\"Now\":\"2025-01-15T10:30:00Z\",\"Fixed\":true}");
	}

	@Test
	void recordsEnvelopesAndTheJournalTellTheServersTime() {
		fixClock("2025-01-15T10:30:00Z");
		Response created = postJson(COWORKERS, NEW_COWORKER_NOTIFICATION, admin());
		assertThat(created.json().get("UpdatedOn").asString()).isEqualTo("2025-01-15T10:30:00Z");
		assertThat(created.json().get("Value").get("CreatedOn").asString()).isEqualTo("2025-01-15T10:30:00Z");
		int id = created.json().get("Value").get("Id").asInt();

		steer("POST", "/ephemeral/clock", "{\"AdvanceSeconds\":90}");
		Response updated = putJson(COWORKERS, """
				{"Id":%d,"CoworkerId":5,"Message":"Later","NotificationType":"blog","EntityId":1}""".formatted(id),
				admin());
		assertThat(updated.json().get("UpdatedOn").asString()).isEqualTo("2025-01-15T10:31:30Z");
		JsonNode record = readRecord(COWORKERS, id);
		assertThat(record.get("CreatedOn").asString()).isEqualTo("2025-01-15T10:30:00Z");
		assertThat(record.get("UpdatedOn").asString()).isEqualTo("2025-01-15T10:31:30Z");
		assertThat(journal("method=PUT").get(journal("method=PUT").size() - 1).get("Time").asString())
			.isEqualTo("2025-01-15T10:31:30Z");
	}

	@Test
	void aTokenIsIssuedAtTheServersTimeAndRefusedOnceTheClockIsPastItsExpiryAndTheSkew() {
		fixClock("2025-01-15T10:30:00Z");
		Response issued = postForm("/api/token",
				"grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD);
		String token = issued.json().get("access_token").asString();
		long lifetime = issued.json().get("expires_in").asLong();
		JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
		assertThat(claims.get("iat").asLong()).isEqualTo(1736937000L);
		assertThat(claims.get("exp").asLong()).isEqualTo(1736937000L + lifetime);

		steer("POST", "/ephemeral/clock", "{\"AdvanceSeconds\":%d}".formatted(lifetime + 59));
		assertThat(get(COWORKERS, "Bearer " + token).status()).isEqualTo(200);
		steer("POST", "/ephemeral/clock", "{\"AdvanceSeconds\":2}");
		Response expired = get(COWORKERS, "Bearer " + token);
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.body()).isEqualTo(failure(401, "Authorization has been denied for this request."));
	}

	@Test
	void aSeededServerGivesTheFixturesAndNewRecordsTheSeedsUniqueIds() {
		assertThat(steer("POST", "/ephemeral/reset", null).status()).isEqualTo(200);
		assertThat(readRecord(COWORKERS, 1).get("UniqueId").asString())
			.isEqualTo(UniqueIds.seeded(SEED).next().toString());
	}

}
