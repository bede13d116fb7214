package io.notifications.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.notifications.resource.Action;
import io.notifications.support.DeclaredOperations;
import io.notifications.support.DeclaredOperations.Operation;
import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of both resources against every role, over real HTTP with tokens from
 * {@code /api/token}: the role the operation needs and {@code Administrator} pass, every
 * other role and a user without roles get 403, no credentials get 401, and a refused
 * request changes nothing.
 * <p>
 * Each caller holds exactly one role; the test profile names them
 * {@code <cn|sn>-<action>@example.com} (see {@link #caller}).
 */
class SecurityRoleMatrixTests extends ApiTestSupport {

	static final String COWORKER = "CoworkerNotification";

	static final String SYSTEM = "SystemNotification";

	static final String CN = "/api/spaces/coworkernotifications";

	static final String SN = "/api/sys/systemnotifications";

	static final String CN_FIELDS = """
			"CoworkerId":5,"Message":"Your invoice is ready","NotificationType":"coworkerinvoice","EntityId":42""";

	static final String SN_FIELDS = """
			"Title":"Maintenance","Severity":2,"StartTime":"2025-01-15T10:30:00Z","ShortDescription":"Short",\
			"Description":"Long","MessageType":2""";

	static final String ROLE_PASSWORD = "role-secret";

	static final String NOBODY = "nobody@example.com";

	/**
	 * The operations the two resources declare, each sent against one existing record
	 * whose Id replaces {@code {id}}: read from the declarations, so a new operation is
	 * tested here as it is.
	 */
	static final List<Operation> OPERATIONS = DeclaredOperations.all()
		.stream()
		.filter((operation) -> List.of(COWORKER, SYSTEM).contains(operation.resource()))
		.toList();

	/**
	 * The one-role user of the test profile that holds {@code action} on
	 * {@code resource}.
	 */
	static String caller(String resource, Action action) {
		return (COWORKER.equals(resource) ? "cn-" : "sn-") + action.name().toLowerCase() + "@example.com";
	}

	static Stream<Arguments> allowed() {
		return OPERATIONS.stream()
			.flatMap((operation) -> Stream.of(
					Arguments.of(operation, caller(operation.resource(), operation.action()), ROLE_PASSWORD),
					Arguments.of(operation, ADMIN, ADMIN_PASSWORD)));
	}

	static Stream<Arguments> denied() {
		List<Arguments> cases = new ArrayList<>();
		for (Operation operation : OPERATIONS) {
			for (String resource : List.of(COWORKER, SYSTEM)) {
				for (Action action : Action.values()) {
					if (!(resource.equals(operation.resource()) && action == operation.action())) {
						cases.add(Arguments.of(operation, caller(resource, action), ROLE_PASSWORD));
					}
				}
			}
			cases.add(Arguments.of(operation, NOBODY, "nobody-secret"));
		}
		return cases.stream();
	}

	static Stream<Operation> operations() {
		return OPERATIONS.stream();
	}

	@ParameterizedTest(name = "{0} by {1}")
	@MethodSource("allowed")
	void theOperationsRoleAndAdministratorPass(Operation operation, String email, String password) {
		int id = existingRecord(operation.resource());
		Response response = send(operation, id, bearer(email, password));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode body = response.json();
		if (body.has("WasSuccessful")) {
			assertThat(body.get("WasSuccessful").asBoolean()).isTrue();
			assertThat(body.get("UpdatedBy").asString()).isEqualTo(email);
		}
	}

	@ParameterizedTest(name = "{0} by {1}")
	@MethodSource("denied")
	void everyOtherRoleGets403AndChangesNothing(Operation operation, String email, String password) {
		int id = existingRecord(operation.resource());
		String authorization = bearer(email, password);
		Map<String, List<Map<String, Object>>> before = tables();

		Response response = send(operation, id, authorization);

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).isEqualTo(failure(403, "You do not have permission to perform this action."));
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(tables()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void noCredentialsGet401WithABearerChallengeAndChangeNothing(Operation operation) {
		int id = existingRecord(operation.resource());
		Map<String, List<Map<String, Object>>> before = tables();

		Response response = send(operation, id, null);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(failure(401, "Authorization has been denied for this request."));
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(tables()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void basicWithTheRightRolePassesAndStampsTheUserName(Operation operation) {
		int id = existingRecord(operation.resource());
		String email = caller(operation.resource(), operation.action());

		Response response = send(operation, id, basic(email, ROLE_PASSWORD));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		if (response.json().has("WasSuccessful")) {
			assertThat(response.json().get("UpdatedBy").asString()).isEqualTo(email);
		}
	}

	@Test
	void updatedByOfAStoredRecordIsTheCallersEmail() {
		int id = existingRecord(COWORKER);
		assertThat(putJson(CN, """
				{"Id":%d,%s}""".formatted(id, CN_FIELDS), bearer("cn-edit@example.com", ROLE_PASSWORD)).status())
			.isEqualTo(200);
		assertThat(get(CN + "/" + id, admin()).json().get("UpdatedBy").asString()).isEqualTo("cn-edit@example.com");

		assertThat(putJson(CN, """
				{"Id":%d,%s}""".formatted(id, CN_FIELDS), basic(ADMIN, ADMIN_PASSWORD)).status()).isEqualTo(200);
		assertThat(get(CN + "/" + id, admin()).json().get("UpdatedBy").asString()).isEqualTo(ADMIN);
	}

	@Test
	void basicWithAWrongPasswordOrAnUnknownUserGets401AndChangesNothing() {
		int id = existingRecord(COWORKER);
		Map<String, List<Map<String, Object>>> before = tables();
		String update = """
				{"Id":%d,%s}""".formatted(id, CN_FIELDS.replace("Your invoice is ready", "Changed"));

		for (String authorization : List.of(basic(ADMIN, "wrong"), basic("stranger@example.com", ADMIN_PASSWORD),
				basic(ADMIN, ""), "Basic not-base64!")) {
			Response response = putJson(CN, update, authorization);

			assertThat(response.status()).as(authorization).isEqualTo(401);
			assertThat(response.body()).isEqualTo(failure(401, "Authorization has been denied for this request."));
			assertThat(response.header("WWW-Authenticate")).isNotNull();
		}
		assertThat(tables()).isEqualTo(before);
	}

	@Test
	void noSessionCookieIsEverSetAndWritesNeedNoCsrfToken() {
		Response created = postJson(CN, "{" + CN_FIELDS + "}", admin());
		Response basicWrite = postJson(SN, "{" + SN_FIELDS + "}", basic(ADMIN, ADMIN_PASSWORD));
		Response refused = postJson(CN, "{" + CN_FIELDS + "}", null);
		Response token = postForm("/api/token",
				"grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD);

		assertThat(created.status()).isEqualTo(200);
		assertThat(basicWrite.status()).isEqualTo(200);
		for (Response response : List.of(created, basicWrite, refused, token)) {
			assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		}
		// a Basic caller is authenticated anew on each request: no session carries it to
		// the next
		Response withoutCredentials = get(CN + "/" + created.json().get("Value").get("Id").asInt(), null);
		assertThat(withoutCredentials.status()).isEqualTo(401);
	}

	@Test
	void anUnknownApiPathIs404ForACallerAnd401WithoutCredentials() {
		assertThat(get("/api/unknown", admin()).status()).isEqualTo(404);
		assertThat(get("/api/unknown", null).status()).isEqualTo(401);
	}

	private Response send(Operation operation, int id, String authorization) {
		String path = operation.path().replace("{id}", String.valueOf(id));
		String body = (operation.body() != null) ? operation.body().replace("{id}", String.valueOf(id)) : null;
		return send(operation.method(), path, (body != null) ? "application/json" : null, body, authorization);
	}

	private int existingRecord(String resource) {
		String path = COWORKER.equals(resource) ? CN : SN;
		String fields = COWORKER.equals(resource) ? CN_FIELDS : SN_FIELDS;
		Response created = postJson(path, "{" + fields + "}", basic(ADMIN, ADMIN_PASSWORD));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return created.json().get("Value").get("Id").asInt();
	}

	private Map<String, List<Map<String, Object>>> tables() {
		return Map.of("coworker_notifications",
				this.jdbc.queryForList("SELECT * FROM coworker_notifications ORDER BY id"), "system_notifications",
				this.jdbc.queryForList("SELECT * FROM system_notifications ORDER BY id"));
	}

}
