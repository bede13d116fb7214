package io.notifications.ephemeral.fault;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.notifications.ephemeral.SteeringTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault rules over real HTTP: each effect as a client meets it, a faulted request changes
 * nothing, rules take requests only once authentication and authorization let them
 * through, in the order they were added, with seeded draws; and what a rule must be.
 */
class FaultTests extends SteeringTestSupport {

	static final String TABLE = "coworker_notifications";

	@Test
	void aRuleSentInAnotherTypeThanJsonIsA415AndNotAdded() {
		for (String contentType : new String[] { "text/plain", "application/x-www-form-urlencoded", null }) {
			Response refused = send("POST", "/ephemeral/faults", contentType, """
					{"Method":"GET","Effect":"ServerError","Times":1}""", admin());
			assertThat(refused.status()).as(contentType).isEqualTo(415);
			assertThat(refused.body())
				.isEqualTo(failure(415, "The request content type is not supported; send application/json."));
		}
		assertThat(steer("GET", "/ephemeral/faults", null).json().get("TotalItems").asInt()).isZero();
	}

	@Test
	void rateLimitedAnswersTheNextMatchingRequestsAsNexudusDoesThenLetsThemThrough() {
		int id = createdId(COWORKERS, NEW_COWORKER_NOTIFICATION);
		Response added = steer("POST", "/ephemeral/faults", """
				{"Method":"PUT","Path":"/api/spaces/coworkernotifications","Caller":null,"Effect":"RateLimited",\
				"Times":2,"RetryAfterSeconds":7}""");
		long rule = added.json().get("Id").asLong();
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.body()).isEqualTo(
				"""
						{"Id":%d,"Method":"PUT","Path":"/api/spaces/coworkernotifications","PathPrefix":null,"Caller":null,\
						"Effect":"RateLimited","Times":2,"Remaining":2,"Probability":1.0,"RetryAfterSeconds":7,"DelayMs":null}"""
					.formatted(rule));

		for (int i = 0; i < 2; i++) {
			assertRefusedAndUnchanged(TABLE, id, () -> {
				Response limited = putJson(COWORKERS, update(id), admin());
				assertThat(limited.header("Retry-After")).isEqualTo("7");
				return limited;
			}, 429, failure(429, "Wait 7 seconds before accessing this url again."));
		}
		assertThat(putJson(COWORKERS, update(id), admin()).status()).isEqualTo(200);
		assertThat(readRecord(COWORKERS, id).get("Message").asString()).isEqualTo("Faulted");

		JsonNode listed = steer("GET", "/ephemeral/faults", null).json().get("Records");
		assertThat(listed).anySatisfy((stored) -> {
			assertThat(stored.get("Id").asLong()).isEqualTo(rule);
			assertThat(stored.get("Remaining").asInt()).isZero();
		});
		List<JsonNode> puts = journal("method=PUT&path=" + COWORKERS);
		assertThat(puts.subList(puts.size() - 3, puts.size())).extracting((record) -> record.get("Fault").toString())
			.containsExactly("{\"Id\":%d,\"Effect\":\"RateLimited\"}".formatted(rule),
					"{\"Id\":%d,\"Effect\":\"RateLimited\"}".formatted(rule), "null");
	}

	@Test
	void serverErrorAndUnavailableAnswerInTheEnvelopeAndChangeNothing() {
		int id = createdId(COWORKERS, NEW_COWORKER_NOTIFICATION);
		addRule("""
				{"Method":"PUT","Effect":"ServerError"}""");
		assertRefusedAndUnchanged(TABLE, id, () -> putJson(COWORKERS, update(id), admin()), 500,
				failure(500, "Ooops! There was a problem while running this action"));

		addRule("""
				{"Method":"DELETE","PathPrefix":"/api/spaces/","Effect":"Unavailable"}""");
		assertRefusedAndUnchanged(TABLE, id, () -> {
			Response unavailable = delete(COWORKERS + "/" + id, admin());
			assertThat(unavailable.header("Retry-After")).isEqualTo("1");
			return unavailable;
		}, 503, failure(503, "The service is unavailable. Try again shortly."));
		assertThat(delete(COWORKERS + "/" + id, admin()).status()).isEqualTo(200);
	}

	@Test
	void aDelayWaitsAndThenTheRequestRunsAsUsual() {
		int id = createdId(COWORKERS, NEW_COWORKER_NOTIFICATION);
		long rule = addRule("""
				{"Method":"PUT","Effect":"Delay","DelayMs":400}""");
		long start = System.nanoTime();
		Response delayed = putJson(COWORKERS, update(id), admin());
		long tookMs = (System.nanoTime() - start) / 1_000_000;

		assertThat(delayed.status()).isEqualTo(200);
		assertThat(tookMs).isGreaterThanOrEqualTo(400);
		assertThat(readRecord(COWORKERS, id).get("Message").asString()).isEqualTo("Faulted");
		JsonNode record = last(journal("method=PUT"));
		assertThat(record.get("Fault").toString()).isEqualTo("{\"Id\":%d,\"Effect\":\"Delay\"}".formatted(rule));
		assertThat(record.get("Status").asInt()).isEqualTo(200);
		assertThat(record.get("DurationMs").asLong()).isGreaterThanOrEqualTo(400);
	}

	/**
	 * A reset waits for a request that a delay holds: it changed the restored fixture
	 * after the reset, and reached the next test's journal.
	 */
	@Test
	void aResetWaitsForARequestThatADelayHolds() throws Exception {
		assertThat(steer("POST", "/ephemeral/reset", null).status()).isEqualTo(200);
		addRule("""
				{"Method":"PUT","Effect":"Delay","DelayMs":1500}""");
		CompletableFuture<Response> delayed = CompletableFuture
			.supplyAsync(() -> putJson(COWORKERS, update(1), admin()));
		awaitTheRuleReached();
		Response reset = steer("POST", "/ephemeral/reset", null);

		assertThat(reset.status()).isEqualTo(200);
		// the reset waits for the request's work, checked below, not for this client to
		// have read its answer, which may come a moment after the reset's
		assertThat(delayed.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertThat(readRecord(COWORKERS, 1).get("Message").asString()).isEqualTo("Fixture without a UniqueId");
		assertThat(journal("method=PUT")).isEmpty();
	}

	/**
	 * Whatever the path but the steering's: one the application decodes to {@code /api}
	 * (the reset looked at the path as sent and let it run past it, into the next test),
	 * or one outside {@code /api}, which the journal records too.
	 */
	@ParameterizedTest
	@CsvSource({ "PUT,/%61pi/spaces/coworkernotifications,/%61pi/", "GET,/.well-known/jwks.json,/.well-known/" })
	void aResetWaitsForARequestThatADelayHoldsOnAnyPathButTheSteerings(String method, String path, String prefix)
			throws Exception {
		assertThat(steer("POST", "/ephemeral/reset", null).status()).isEqualTo(200);
		addRule("""
				{"PathPrefix":"%s","Effect":"Delay","DelayMs":1500}""".formatted(prefix));
		CompletableFuture<Response> delayed = CompletableFuture.supplyAsync(() -> method.equals("PUT")
				? send(method, path, "application/json", update(1), admin()) : get(path, admin()));
		awaitTheRuleReached();
		Response reset = steer("POST", "/ephemeral/reset", null);

		assertThat(reset.status()).isEqualTo(200);
		// as above: the reset waits for the work, not for this client to read the answer
		Response answered = delayed.get(10, TimeUnit.SECONDS);
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		assertThat(journal("")).isEmpty();
		assertThat(readRecord(COWORKERS, 1).get("Message").asString()).isEqualTo("Fixture without a UniqueId");
	}

	/**
	 * The body with the headers, or after them: then Tomcat hands it on by an async
	 * dispatch.
	 */
	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aDropClosesTheConnectionWithoutAnAnswerAndChangesNothing(boolean bodyAfterTheHeaders) throws Exception {
		int id = createdId(COWORKERS, NEW_COWORKER_NOTIFICATION);
		long rule = addRule("""
				{"Method":"PUT","Effect":"Drop"}""");
		byte[] body = update(id).getBytes(StandardCharsets.UTF_8);
		String answer;
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("PUT " + COWORKERS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin()
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			if (bodyAfterTheHeaders) {
				out.flush();
				Thread.sleep(200);
			}
			out.write(body);
			out.flush();
			socket.setSoTimeout(10_000);
			answer = readAll(socket.getInputStream());
		}

		assertThat(answer).isEmpty();
		assertThat(readRecord(COWORKERS, id).get("Message").asString()).isEqualTo("New");
		JsonNode record = last(journal("method=PUT"));
		assertThat(record.get("Status").asInt()).isZero();
		assertThat(record.get("Fault").toString()).isEqualTo("{\"Id\":%d,\"Effect\":\"Drop\"}".formatted(rule));
	}

	@Test
	void requestsWithoutCredentialsOrTheRoleAreRefusedAsUsualAndNeverFaulted() {
		String reader = bearer("cn-read@example.com", "role-secret");
		String administrator = admin();
		long rule = addRule("""
				{"Effect":"ServerError"}""");

		assertThat(get(COWORKERS, null).status()).isEqualTo(401);
		assertThat(get(COWORKERS, basic(ADMIN, "wrong")).status()).isEqualTo(401);
		assertThat(get("/api/sys/systemnotifications", reader).status()).isEqualTo(403);
		assertThat(remaining(rule)).isEqualTo(1);

		assertThat(get(COWORKERS, administrator).status()).isEqualTo(500);
		assertThat(remaining(rule)).isZero();
	}

	@Test
	void matchersNarrowARuleToAMethodAPathAndACaller() {
		String lister = bearer("cn-list@example.com", "role-secret");
		String administrator = admin();
		long rule = addRule("""
				{"Method":"get","PathPrefix":"/api/spaces/","Caller":"CN-LIST@example.com","Effect":"ServerError",\
				"Times":5}""");

		assertThat(get(COWORKERS, administrator).status()).isEqualTo(200);
		assertThat(get("/api/sys/systemnotifications", administrator).status()).isEqualTo(200);
		assertThat(get(COWORKERS, lister).status()).isEqualTo(500);
		assertThat(remaining(rule)).isEqualTo(4);
	}

	/**
	 * The only test of this server that adds a rule with a probability below 1, so its
	 * draws are the first of the generator seeded with {@link #SEED}: which requests a
	 * rule takes is known in advance.
	 */
	@Test
	void rulesAreTriedInOrderAndALostDrawNeitherAnswersNorCountsDown() {
		String administrator = admin();
		long uncertain = addRule("""
				{"Path":"/api/spaces/coworkernotifications","Effect":"ServerError","Times":100,"Probability":0.5}""");
		long certain = addRule("""
				{"Path":"/api/spaces/coworkernotifications","Effect":"RateLimited","Times":100}""");
		Random draws = new Random(SEED);
		List<Integer> expected = new ArrayList<>();
		List<Integer> answered = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			expected.add((draws.nextDouble() < 0.5) ? 500 : 429);
			answered.add(get(COWORKERS, administrator).status());
		}

		assertThat(answered).isEqualTo(expected).contains(500, 429);
		long errors = answered.stream().filter((status) -> status == 500).count();
		assertThat(remaining(uncertain)).isEqualTo(100 - errors);
		assertThat(remaining(certain)).isEqualTo(100 - (20 - errors));
	}

	@Test
	void aRuleThatIsNotValidIsRefusedNamingThePropertyAndNothingIsAdded() {
		int before = steer("GET", "/ephemeral/faults", null).json().get("TotalItems").asInt();
		assertThat(steer("POST", "/ephemeral/faults", "{}").body())
			.isEqualTo(failure(400, "Effect", "is a required field", error("null", "is a required field", "Effect")));
		assertThat(steer("POST", "/ephemeral/faults", """
				{"Effect":"Explode"}""").body()).isEqualTo(
				failure(400, "Effect", "is not a valid value", error("\"Explode\"", "is not a valid value", "Effect")));
		assertInvalid("""
				{"Effect":"Delay"}""", "DelayMs: is a required field");
		assertInvalid("""
				{"Effect":"Delay","DelayMs":60001}""", "DelayMs: is not a valid value");
		assertInvalid("""
				{"Effect":"ServerError","DelayMs":5}""", "DelayMs: is allowed only with the Delay effect");
		assertInvalid("""
				{"Effect":"ServerError","RetryAfterSeconds":3}""",
				"RetryAfterSeconds: is allowed only with the RateLimited and Unavailable effects");
		assertInvalid("""
				{"Effect":"RateLimited","RetryAfterSeconds":0}""", "RetryAfterSeconds: is not a valid value");
		assertInvalid("""
				{"Effect":"ServerError","Times":0}""", "Times: is not a valid value");
		assertInvalid("""
				{"Effect":"ServerError","Probability":1.5}""", "Probability: is not a valid value");
		assertInvalid("""
				{"Effect":"ServerError","Path":"/a","PathPrefix":"/b"}""", "PathPrefix: cannot be given with Path");
		assertInvalid("""
				{"Effect":"ServerError","Method":"FETCH"}""", "Method: is not a valid value");
		assertInvalid("""
				{"Effect":"ServerError","Path":"api/token"}""", "Path: is not a valid value");
		// a caller no request can have: the rule would never match
		assertInvalid("""
				{"Effect":"ServerError","Caller":""}""", "Caller: is not a valid value");
		assertInvalid("""
				{"Effect":"ServerError","Caller":"  "}""", "Caller: is not a valid value");
		assertThat(steer("GET", "/ephemeral/faults", null).json().get("TotalItems").asInt()).isEqualTo(before);
	}

	/** A misspelt Method was left out, and the rule faulted every method. */
	@Test
	void aPropertyNotOfARuleIsRefusedAndNothingIsAdded() {
		int before = steer("GET", "/ephemeral/faults", null).json().get("TotalItems").asInt();
		assertThat(steer("POST", "/ephemeral/faults", """
				{"Metod":"PUT","Effect":"ServerError"}""").body()).isEqualTo(
				failure(400, "Metod", "is not a known property", error("\"PUT\"", "is not a known property", "Metod")));
		assertInvalid("""
				{"Effect":"ServerError","Time":2}""", "Time: is not a known property");
		assertThat(steer("GET", "/ephemeral/faults", null).json().get("TotalItems").asInt()).isEqualTo(before);
	}

	@Test
	void propertyNamesMatchInAnyCase() {
		Response added = steer("POST", "/ephemeral/faults", """
				{"effect":"servererror","TIMES":3,"pathprefix":"/nowhere/"}""");
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(added.json().get("Effect").asString()).isEqualTo("ServerError");
		assertThat(added.json().get("Times").asInt()).isEqualTo(3);
		assertThat(added.json().get("PathPrefix").asString()).isEqualTo("/nowhere/");
	}

	@Test
	void rulesAreRemovedOneByOneAllAtOnceAndByTheReset() {
		long first = addRule("""
				{"PathPrefix":"/nowhere/","Effect":"ServerError"}""");
		addRule("""
				{"PathPrefix":"/nowhere/","Effect":"ServerError"}""");
		assertThat(steer("DELETE", "/ephemeral/faults/" + first, null).status()).isEqualTo(204);
		assertThat(ids()).doesNotContain(first);
		Response unknown = steer("DELETE", "/ephemeral/faults/" + first, null);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body())
			.isEqualTo(failure(404, "Id", "was not found", error(Long.toString(first), "was not found", "Id")));
		assertThat(steer("DELETE", "/ephemeral/faults", null).status()).isEqualTo(204);
		assertThat(steer("GET", "/ephemeral/faults", null).body()).isEqualTo("{\"Records\":[],\"TotalItems\":0}");

		addRule("""
				{"PathPrefix":"/nowhere/","Effect":"ServerError"}""");
		assertThat(steer("POST", "/ephemeral/reset", null).status()).isEqualTo(200);
		assertThat(ids()).isEmpty();
	}

	@Test
	void faultsAreTheAdministratorsAlone() {
		Response anonymous = send("POST", "/ephemeral/faults", "application/json", "{\"Effect\":\"Drop\"}", null);
		assertThat(anonymous.status()).isEqualTo(401);
		Response editor = send("POST", "/ephemeral/faults", "application/json", "{\"Effect\":\"Drop\"}",
				bearer("cn-edit@example.com", "role-secret"));
		assertThat(editor.status()).isEqualTo(403);
		assertThat(editor.body()).isEqualTo(failure(403, "You do not have permission to perform this action."));
	}

	private long addRule(String json) {
		Response added = steer("POST", "/ephemeral/faults", json);
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		return added.json().get("Id").asLong();
	}

	private void assertInvalid(String json, String message) {
		Response refused = steer("POST", "/ephemeral/faults", json);
		assertThat(refused.status()).as(json).isEqualTo(400);
		assertThat(refused.json().get("Message").asString()).as(json).isEqualTo(message);
	}

	private int remaining(long rule) {
		for (JsonNode stored : steer("GET", "/ephemeral/faults", null).json().get("Records")) {
			if (stored.get("Id").asLong() == rule) {
				return stored.get("Remaining").asInt();
			}
		}
		throw new AssertionError("No rule " + rule);
	}

	private List<Long> ids() {
		List<Long> ids = new ArrayList<>();
		steer("GET", "/ephemeral/faults", null).json()
			.get("Records")
			.forEach((stored) -> ids.add(stored.get("Id").asLong()));
		return ids;
	}

	private static String update(int id) {
		return """
				{"Id":%d,"CoworkerId":5,"Message":"Faulted","NotificationType":"blog","EntityId":1}""".formatted(id);
	}

	private static JsonNode last(List<JsonNode> records) {
		return records.get(records.size() - 1);
	}

	/** The first rule counts its match down when a request reaches it, before a delay. */
	private void awaitTheRuleReached() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (steer("GET", "/ephemeral/faults", null).json().get("Records").get(0).get("Remaining").asInt() > 0) {
			assertThat(System.nanoTime()).as("a request reached the rule").isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	private static String readAll(InputStream in) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		return bytes.toString(StandardCharsets.ISO_8859_1);
	}

}
