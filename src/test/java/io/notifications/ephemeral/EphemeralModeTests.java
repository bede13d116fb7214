package io.notifications.ephemeral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static io.notifications.support.Envelopes.failure;
import static io.notifications.support.Envelopes.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ephemeral mode in the test JVM, over real HTTP with real tokens: 50 fixture records (25
 * of each resource, Ids 101 to 125) loaded at start, users from
 * {@code notifications.ephemeral.users} beside the test profile's
 * {@code notifications.security.users}, and the reset of every declared resource (the
 * test sources' {@code memos} among them). The jar itself, with nothing but the ephemeral
 * profile, is {@code EphemeralJarIT}'s.
 */
@ActiveProfiles("ephemeral")
// a password with a colon, and two roles
@TestPropertySource(properties = "notifications.ephemeral.users=" + EphemeralModeTests.TESTER
		+ ":pass:word:CoworkerNotification-Read+CoworkerNotification-List")
class EphemeralModeTests extends ApiTestSupport {

	static final int PER_RESOURCE = 25;

	static final String TESTER = "tester@example.com";

	static final String COWORKER_FIXTURE = """
			{"Id":101,"CoworkerId":5,"Message":"Fixture 101","NotificationType":"coworkerinvoice","EntityId":42,\
			"IsDismissed":true,"SystemId":"ext-101","UniqueId":"3f8a4c1e-2b7d-4e9a-9c1f-5d6e7a8b9c0d",\
			"CreatedOn":"2025-01-15T10:30:00Z","UpdatedOn":"2025-01-16T08:00:00Z","UpdatedBy":"seed@example.com",\
			"IsNew":false}""";

	/**
	 * The fixtures; users must be known before the environment is complete, so they are
	 * no dynamic property.
	 */
	@DynamicPropertySource
	static void fixtures(DynamicPropertyRegistry registry) {
		registry.add("notifications.ephemeral.fixtures", () -> fixtureFile().toString());
	}

	/**
	 * 25 records of each resource: the first written whole, the others with their
	 * writable fields only.
	 */
	static Path fixtureFile() {
		List<String> coworker = new ArrayList<>(List.of(COWORKER_FIXTURE));
		List<String> system = new ArrayList<>();
		for (int i = 0; i < PER_RESOURCE; i++) {
			if (i > 0) {
				coworker.add("""
						{"Id":%d,"CoworkerId":%d,"Message":"Fixture %d","NotificationType":"blog","EntityId":0}"""
					.formatted(101 + i, i, 101 + i));
			}
			system.add("""
					{"Id":%d,"Title":"Fixture %d","Severity":"High","StartTime":"2025-02-01T22:00:00Z",\
					"ShortDescription":"Short","Description":"Long","MessageType":1}""".formatted(101 + i, 101 + i));
		}
		try {
			Path file = Files.createTempFile("fixtures", ".json");
			file.toFile().deleteOnExit();
			Files.writeString(file, """
					{"coworkernotifications":[%s],"SystemNotifications":[%s]}""".formatted(String.join(",", coworker),
					String.join(",", system)));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aFixtureWrittenWholeIsServedExactlyAsGiven() {
		reset();
		assertThat(get("/api/spaces/coworkernotifications/101", admin()).body()).isEqualTo(COWORKER_FIXTURE);
		Response system = get("/api/sys/systemnotifications/125", admin());
		assertThat(system.json().get("Severity").asInt()).isEqualTo(3);
		assertThat(system.json().get("IsNew").asBoolean()).isTrue();
	}

	@Test
	void createsGetIdsAboveTheFixturesAndTheSameOnesAfterEveryReset() {
		for (int round = 0; round < 2; round++) {
			reset();
			assertThat(createCoworkerNotification().json().get("Value").get("Id").asInt()).isEqualTo(126);
			assertThat(createCoworkerNotification().json().get("Value").get("Id").asInt()).isEqualTo(127);
		}
	}

	@Test
	void aResetRestoresTheFixturesExactlyAndEmptiesEverythingElse() {
		reset();
		String coworkers = everything("/api/spaces/coworkernotifications");
		String systems = everything("/api/sys/systemnotifications");
		assertThat(putJson("/api/spaces/coworkernotifications", """
				{"Id":101,"CoworkerId":6,"Message":"Changed","NotificationType":"blog","EntityId":1}""", admin())
			.status()).isEqualTo(200);
		assertThat(delete("/api/sys/systemnotifications/110", admin()).status()).isEqualTo(200);
		String keyed = """
				{"CoworkerId":5,"Message":"Once","NotificationType":"blog","EntityId":1}""";
		Map<String, String> key = Map.of("Idempotency-Key", "once");
		assertThat(send("POST", "/api/spaces/coworkernotifications", "application/json", keyed, admin(), key).status())
			.isEqualTo(200);

		Response reset = reset();

		assertThat(reset.body()).isEqualTo(success("The fixtures were restored.", """
				{"memos":0,"coworkernotifications":25,"systemnotifications":25}""",
				reset.json().get("UpdatedOn").asString(), ADMIN));
		assertThat(everything("/api/spaces/coworkernotifications")).isEqualTo(coworkers);
		assertThat(everything("/api/sys/systemnotifications")).isEqualTo(systems);
		// the key was forgotten: another body with it is a new create, not a 422
		Response again = send("POST", "/api/spaces/coworkernotifications", "application/json",
				keyed.replace("Once", "Twice"), admin(), key);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("Value").get("Id").asInt()).isEqualTo(126);
	}

	/**
	 * A token revoked, or a user's sessions ended, in one test would otherwise be refused
	 * in every later one, a harness's kept token included.
	 */
	@Test
	void aResetForgetsRevocationsSoTokensTakenBeforeItWorkAgain() {
		reset();
		String revoked = accessToken(TESTER, "pass:word");
		String ended = accessToken("cn-list@example.com", "role-secret");
		assertThat(postForm("/api/token/revoke", "token=" + revoked).status()).isEqualTo(200);
		assertThat(send("POST", "/api/token/revoke-all", "application/x-www-form-urlencoded",
				"user=cn-list@example.com", admin())
			.status()).isEqualTo(200);
		for (String token : List.of(revoked, ended)) {
			assertThat(get("/api/spaces/coworkernotifications", "Bearer " + token).status()).isEqualTo(401);
		}

		reset();

		for (String token : List.of(revoked, ended)) {
			assertThat(get("/api/spaces/coworkernotifications", "Bearer " + token).status()).isEqualTo(200);
		}
	}

	private String accessToken(String user, String password) {
		Response token = postForm("/api/token", "grant_type=password&username=" + user + "&password=" + password);
		assertThat(token.status()).as(token.body()).isEqualTo(200);
		return token.json().get("access_token").asString();
	}

	/** A steering call for a caller that takes no JSON is refused before it steers. */
	@Test
	void aSteeringCallForACallerThatTakesNoJsonIsA406AndSteersNothing() {
		reset();
		assertThat(putJson("/api/spaces/coworkernotifications", """
				{"Id":101,"CoworkerId":6,"Message":"Changed","NotificationType":"blog","EntityId":1}""", admin())
			.status()).isEqualTo(200);
		Map<String, String> html = Map.of("Accept", "text/html");

		List<Response> refused = List.of(send("POST", ResetController.PATH, null, null, admin(), html),
				send("POST", "/ephemeral/clock", "application/json", """
						{"Now":"2001-01-01T00:00:00Z"}""", admin(), html),
				send("POST", "/ephemeral/faults", "application/json", """
						{"Method":"GET","Effect":"ServerError","Times":1}""", admin(), html));

		for (Response response : refused) {
			assertThat(response.status()).as(response.body()).isEqualTo(406);
			assertThat(response.body()).isEqualTo(
					failure(406, "The requested response type is not available; this API answers application/json."));
		}
		assertThat(readRecord("/api/spaces/coworkernotifications", 101).get("Message").asString()).isEqualTo("Changed");
		assertThat(get("/ephemeral/clock", admin()).json().get("Now").asString()).doesNotStartWith("2001-");
		assertThat(get("/ephemeral/faults", admin()).json().get("TotalItems").asInt()).isZero();
	}

	@Test
	void theResetIsTheAdministratorsAlone() {
		Response anonymous = send("POST", ResetController.PATH, null, (String) null, null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.body()).isEqualTo(failure(401, "Authorization has been denied for this request."));
		for (String user : List.of("cn-edit@example.com", "sn-delete@example.com")) {
			Response refused = send("POST", ResetController.PATH, null, (String) null, bearer(user, "role-secret"));
			assertThat(refused.status()).as(user).isEqualTo(403);
			assertThat(refused.body()).isEqualTo(failure(403, "You do not have permission to perform this action."));
		}
		assertThat(send("GET", ResetController.PATH, null, (String) null, admin()).status()).isEqualTo(405);
	}

	/**
	 * Every answer of the reset is one the served document declares, validated against
	 * its OpenAPI 3.0 rendering; the reset is documented in this mode alone.
	 */
	@Test
	void theResetsAnswersAreTheDocumentedOnes() {
		Response rendering = get("/v3/api-docs/openapi-3.0.json", null);
		assertThat(rendering.status()).isEqualTo(200);
		OpenApiInteractionValidator validator = OpenApiInteractionValidator
			.createForInlineApiSpecification(rendering.body())
			.build();
		JsonNode reset = rendering.json().get("paths").get(ResetController.PATH).get("post");
		assertThat(reset.get("tags").toString()).isEqualTo("[\"Ephemeral\"]");
		assertThat(reset.get("x-required-roles").toString()).isEqualTo("[\"Administrator\"]");
		assertThat(reset.get("responses").propertyNames()).containsExactly("200", "401", "403", "405", "406", "408",
				"413", "429", "500", "503");
		// every steering path is the Administrator's, documented with its answers
		rendering.json().get("paths").properties().forEach((path) -> {
			if (path.getKey().startsWith("/ephemeral/")) {
				path.getValue().forEach((operation) -> {
					assertThat(operation.get("tags").toString()).as(path.getKey()).isEqualTo("[\"Ephemeral\"]");
					assertThat(operation.get("responses").propertyNames()).as(path.getKey()).contains("401", "403");
				});
			}
		});

		Map<Response, Integer> answers = new java.util.LinkedHashMap<>();
		answers.put(send("POST", ResetController.PATH, null, (String) null, admin()), 200);
		answers.put(send("POST", ResetController.PATH, null, (String) null, null), 401);
		answers.put(
				send("POST", ResetController.PATH, null, (String) null, bearer("cn-edit@example.com", "role-secret")),
				403);
		answers.put(send("GET", ResetController.PATH, null, (String) null, admin()), 405);
		answers.forEach((answer, status) -> assertDocumented(validator, ResetController.PATH, "POST", answer, status));
		// the other steering paths
		assertDocumented(validator, "/ephemeral/clock", "GET", get("/ephemeral/clock", admin()), 200);
		assertDocumented(validator, "/ephemeral/clock", "POST", postJson("/ephemeral/clock", "{}", admin()), 400);
		assertDocumented(validator, "/ephemeral/requests", "GET", get("/ephemeral/requests?status=abc", admin()), 400);
		assertDocumented(validator, "/ephemeral/requests", "DELETE", delete("/ephemeral/requests", admin()), 204);
		assertDocumented(validator, "/ephemeral/faults/{id}", "DELETE", delete("/ephemeral/faults/987654", admin()),
				404);
		assertDocumented(validator, "/ephemeral/faults", "GET", get("/ephemeral/faults", null), 401);
	}

	private static void assertDocumented(OpenApiInteractionValidator validator, String path, String method,
			Response answer, int status) {
		assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
		SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
		if (!answer.body().isEmpty()) {
			response.withContentType(answer.header("Content-Type")).withBody(answer.body());
		}
		ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
		assertThat(report.getMessages()).as(method + " " + path + ": " + status + " " + answer.body()).isEmpty();
	}

	@Test
	void usersFromTheEphemeralPropertyJoinTheConfiguredOnes() {
		reset();
		String tester = bearer(TESTER, "pass:word");
		assertThat(get("/api/spaces/coworkernotifications/101", tester).status()).isEqualTo(200);
		assertThat(get("/api/spaces/coworkernotifications?size=1", basic(TESTER, "pass:word")).status()).isEqualTo(200);
		assertThat(get("/api/sys/systemnotifications/101", tester).status()).isEqualTo(403);
		// notifications.security.users of the test profile still sign in
		assertThat(get("/api/sys/systemnotifications/101", admin()).status()).isEqualTo(200);
	}

	/**
	 * What a test suite pays for a reset before each test: 100 resets of these 50 records
	 * over HTTP, timed. The figure is in docs/embedded-testing.md.
	 */
	@Test
	void aHundredResetsOfFiftyRecords() {
		String authorization = admin();
		reset();
		long start = System.nanoTime();
		for (int i = 0; i < 100; i++) {
			assertThat(send("POST", ResetController.PATH, null, (String) null, authorization).status()).isEqualTo(200);
		}
		double millisEach = (System.nanoTime() - start) / 1e6 / 100;
		System.out.printf("ephemeral reset: 100 resets of %d fixture records, %.1f ms each%n", 2 * PER_RESOURCE,
				millisEach);
		// generous for a loaded 2-core CI machine; measured figures are a few ms
		assertThat(millisEach).isLessThan(250);
		assertThat(everything("/api/sys/systemnotifications")).contains("\"TotalItems\":25");
	}

	/**
	 * A client's own writers may still run when its next test resets: each create is
	 * answered, before the reset or after it, and the reset leaves the fixtures alone.
	 */
	@Test
	void createsDuringResetsAreAnsweredAndTheLastResetLeavesTheFixturesAlone() throws Exception {
		String authorization = admin();
		reset();
		ExecutorService writers = Executors.newFixedThreadPool(3);
		try {
			List<Future<List<Integer>>> statuses = new ArrayList<>();
			for (int writer = 0; writer < 3; writer++) {
				statuses.add(writers.submit(() -> {
					List<Integer> answered = new ArrayList<>();
					for (int create = 0; create < 60; create++) {
						answered.add(postJson("/api/spaces/coworkernotifications", """
								{"CoworkerId":5,"Message":"Racing","NotificationType":"blog","EntityId":1}""",
								authorization)
							.status());
					}
					return answered;
				}));
			}
			for (int i = 0; i < 30; i++) {
				reset();
			}
			for (Future<List<Integer>> answered : statuses) {
				assertThat(answered.get(2, TimeUnit.MINUTES)).containsOnly(200);
			}
		}
		finally {
			writers.shutdownNow();
		}
		reset();
		assertThat(everything("/api/spaces/coworkernotifications")).contains("\"TotalItems\":25")
			.doesNotContain("Racing");
		assertThat(createCoworkerNotification().json().get("Value").get("Id").asInt()).isEqualTo(126);
	}

	private Response reset() {
		Response response = send("POST", ResetController.PATH, null, (String) null, admin());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private Response createCoworkerNotification() {
		return postJson("/api/spaces/coworkernotifications", """
				{"CoworkerId":5,"Message":"New","NotificationType":"blog","EntityId":1}""", admin());
	}

	private String everything(String base) {
		Response list = get(base + "?size=1000", admin());
		assertThat(list.status()).isEqualTo(200);
		return list.body();
	}

}
