package io.notifications.ephemeral;

import java.util.ArrayList;
import java.util.List;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ephemeral mode over real HTTP, for the tests of its steering: the journal, the faults
 * and the clock. One server for all of them, seeded, with one fixture whose UniqueId the
 * seeded generator gives.
 */
@ActiveProfiles("ephemeral")
@TestPropertySource(properties = { "notifications.ephemeral.seed=" + SteeringTestSupport.SEED,
		"notifications.ephemeral.fixtures=classpath:ephemeral/steering-fixtures.json" })
public abstract class SteeringTestSupport extends ApiTestSupport {

	public static final long SEED = 42;

	public static final String COWORKERS = "/api/spaces/coworkernotifications";

	public static final String NEW_COWORKER_NOTIFICATION = """
			{"CoworkerId":5,"Message":"New","NotificationType":"blog","EntityId":1}""";

	/** Rules of an earlier test would take this one's requests. */
	@BeforeEach
	void noFaults() {
		assertThat(steer("DELETE", "/ephemeral/faults", null).status()).isEqualTo(204);
	}

	/** The journal's records that match the filters, a query string. */
	protected List<JsonNode> journal(String filters) {
		Response response = get("/ephemeral/requests" + (filters.isEmpty() ? "" : "?" + filters), admin());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode records = response.json().get("Records");
		assertThat(response.json().get("TotalItems").asInt()).isEqualTo(records.size());
		List<JsonNode> found = new ArrayList<>();
		records.forEach(found::add);
		return found;
	}

	/**
	 * The highest Sequence in the journal now (0 if empty): what {@code after=} takes to
	 * see only what follows.
	 */
	protected long lastSequence() {
		List<JsonNode> all = journal("");
		return all.isEmpty() ? 0 : all.get(all.size() - 1).get("Sequence").asLong();
	}

	/**
	 * A journal record without its DurationMs, which is checked to be a whole number and
	 * then taken out, so that the rest can be compared exactly.
	 */
	protected static String withoutDuration(JsonNode record) {
		assertThat(record.get("DurationMs").isIntegralNumber()).as(record.toString()).isTrue();
		assertThat(record.get("DurationMs").asLong()).isNotNegative();
		ObjectNode copy = ((ObjectNode) record).deepCopy();
		copy.remove("DurationMs");
		return copy.toString();
	}

	protected Response steer(String method, String path, String json) {
		return send(method, path, (json != null) ? "application/json" : null, json, admin());
	}

	protected void fixClock(String now) {
		Response response = steer("POST", "/ephemeral/clock", """
				{"Now":"%s"}""".formatted(now));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	/** Text as a JSON string, or null. */
	protected static String quoted(String text) {
		return JSON.writeValueAsString(text);
	}

}
