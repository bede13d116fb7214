package io.notifications.ephemeral.journal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import io.notifications.ephemeral.SteeringTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request journal over real HTTP: what it records of each request, exactly; the
 * secrets it never records; its filters; and what it leaves out and empties.
 */
class JournalTests extends SteeringTestSupport {

	static final String FIXED = "2025-01-15T10:30:00Z";

	@Test
	void recordsEachRequestAsReceivedWithItsCallerAndAnswer() {
		fixClock(FIXED);
		String token = admin();
		long after = lastSequence();
		int id = createdId(COWORKERS, NEW_COWORKER_NOTIFICATION);
		String update = """
				{"Id":%d,"CoworkerId":5,"Message":"Dismissed","NotificationType":"blog","EntityId":1,"IsDismissed":true}"""
			.formatted(id);
		assertThat(putJson(COWORKERS, update, token).status()).isEqualTo(200);
		assertThat(get(COWORKERS + "?size=2&orderBy=Id", basic(ADMIN, ADMIN_PASSWORD)).status()).isEqualTo(200);

		List<JsonNode> records = journal("after=" + after);

		assertThat(records).hasSize(3);
		assertThat(withoutDuration(records.get(0))).isEqualTo(entry(after + 1, "POST", COWORKERS, null, ADMIN, "Bearer",
				"application/json", NEW_COWORKER_NOTIFICATION, 200));
		assertThat(withoutDuration(records.get(1)))
			.isEqualTo(entry(after + 2, "PUT", COWORKERS, null, ADMIN, "Bearer", "application/json", update, 200));
		assertThat(withoutDuration(records.get(2)))
			.isEqualTo(entry(after + 3, "GET", COWORKERS, "size=2&orderBy=Id", ADMIN, "Basic", null, null, 200));
	}

	@Test
	void refusedRequestsAreRecordedWithTheCallerThatAuthenticated() {
		String reader = bearer("cn-read@example.com", "role-secret");
		long after = lastSequence();
		get("/api/sys/systemnotifications", reader);
		get(COWORKERS, basic(ADMIN, "wrong"));
		get(COWORKERS, null);

		List<JsonNode> records = journal("after=" + after);

		assertThat(records).extracting((record) -> record.get("Status").asInt()).containsExactly(403, 401, 401);
		assertThat(records).extracting((record) -> record.get("Caller").asString(null))
			.containsExactly("cn-read@example.com", null, null);
		assertThat(records).extracting((record) -> record.get("Scheme").asString(null))
			.containsExactly("Bearer", "Basic", null);
	}

	/**
	 * The security chain answers these itself. A test that asserts on the journal as soon
	 * as it has such an answer, on another connection (a connection's next request waits
	 * for its last to end), finds the request: about one in twenty-five was not there
	 * yet.
	 */
	@Test
	void aRefusedRequestIsRecordedBeforeItsAnswerLeaves() throws Exception {
		String reader = bearer("cn-read@example.com", "role-secret");
		String update = """
				{"Id":7,"CoworkerId":5,"Message":"Refused","NotificationType":"blog","EntityId":1}""";
		// a connection of its own (HttpClient is AutoCloseable only from Java 21)
		HttpClient refused = HttpClient.newHttpClient();
		for (int i = 0; i < 100; i++) {
			long after = lastSequence();
			assertThat(send(refused, update, reader)).isEqualTo(403);
			assertThat(journal("after=" + after)).as("the 403 of round %d", i)
				.extracting((record) -> record.get("Status").asInt())
				.containsExactly(403);
			assertThat(send(refused, update, "Bearer not-a-token")).isEqualTo(401);
			assertThat(journal("after=" + (after + 1))).as("the 401 of round %d", i)
				.extracting((record) -> record.get("Status").asInt())
				.containsExactly(401);
		}
	}

	private int send(HttpClient client, String update, String authorization) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + COWORKERS))
			.PUT(BodyPublishers.ofString(update))
			.header("Content-Type", "application/json")
			.header("Authorization", authorization)
			.build();
		return client.send(request, BodyHandlers.discarding()).statusCode();
	}

	@Test
	void secretsSentToTheTokenEndpointsAreNeverRecorded() {
		long after = lastSequence();
		String token = postForm("/api/token", "grant_type=password&username=cn-delete@example.com&password=role-secret")
			.json()
			.get("access_token")
			.asString();
		String refreshToken = postForm("/api/token",
				"grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD)
			.json()
			.get("refresh_token")
			.asString();
		postJson("/api/token", """
				{"grant_type":"password","username":"admin@example.com","Password":"admin-secret","TOTP":"123456"}""",
				null);
		postForm("/api/token", "grant_type=refresh_token&refresh_token=" + refreshToken);
		postForm("/api/token/revoke", "token=" + token);
		postForm("/api/token?password=" + ADMIN_PASSWORD, "grant_type=client_credentials&client_secret=s3cr3t");
		// not a token endpoint, but a password in its URL all the same
		get("/api/token/?password=" + ADMIN_PASSWORD + "&x=1", null);
		get("/api/TOKEN?token=" + refreshToken, null);
		// cut off inside the password: what follows cannot be read, so it is not kept
		postJson("/api/token", "{\"username\":\"admin@example.com\",\"password\":\"admin-secret", null);

		List<JsonNode> misdirected = journal("after=" + after).stream()
			.filter((record) -> record.get("Method").asString().equals("GET"))
			.toList();
		assertThat(misdirected).extracting((record) -> record.get("Query").asString())
			.containsExactly("password=***&x=1", "token=***");
		List<JsonNode> records = journal("path_prefix=/api/token&method=POST&after=" + after);

		assertThat(records).extracting((record) -> record.get("Body").asString())
			.containsExactly("grant_type=password&username=cn-delete@example.com&password=***",
					"grant_type=password&username=admin@example.com&password=***", """
							{"grant_type":"password","username":"admin@example.com","Password":"***","TOTP":"***"}""",
					"grant_type=refresh_token&refresh_token=***", "token=***",
					"grant_type=client_credentials&client_secret=***",
					"{\"username\":\"admin@example.com\",\"password\":***");
		assertThat(records.get(5).get("Query").asString()).isEqualTo("password=***");
		assertThat(records).allSatisfy((record) -> assertThat(record.get("Caller").isNull()).isTrue());
		String everything = get("/ephemeral/requests", admin()).body();
		assertThat(everything).doesNotContain(ADMIN_PASSWORD)
			.doesNotContain("role-secret")
			.doesNotContain(refreshToken)
			.doesNotContain(token)
			.doesNotContain("s3cr3t");
	}

	@Test
	void keepsTheFirst64KiBOfABodyAndReadsInvalidUtf8AsReplacementCharacters() {
		long after = lastSequence();
		String large = "{\"Message\":\"" + "x".repeat(70_000) + "\"}";
		putJson(COWORKERS, large, admin());
		send("PUT", COWORKERS, "application/json", BodyPublishers.ofByteArray(new byte[] { '{', (byte) 0xFF, '}' }),
				admin());

		List<JsonNode> records = journal("method=put&after=" + after);

		assertThat(records.get(0).get("Body").asString()).isEqualTo(large.substring(0, 65_536));
		assertThat(records.get(0).get("BodyTruncated").asBoolean()).isTrue();
		assertThat(records.get(1).get("Body").asString()).isEqualTo("{\uFFFD}");
		assertThat(records.get(1).get("BodyTruncated").asBoolean()).isFalse();
	}

	@Test
	void filtersCombine() {
		String reader = bearer("cn-list@example.com", "role-secret");
		String token = admin();
		long after = lastSequence();
		fixClock("2025-01-15T10:00:00Z");
		get(COWORKERS, reader);
		get("/api/sys/systemnotifications", reader);
		fixClock("2025-01-15T11:00:00Z");
		get(COWORKERS + "/1", token);
		postJson(COWORKERS, NEW_COWORKER_NOTIFICATION, token);

		assertThat(paths("after=" + after + "&caller=CN-LIST@example.com")).containsExactly(COWORKERS,
				"/api/sys/systemnotifications");
		assertThat(paths("after=" + after + "&status=403")).containsExactly("/api/sys/systemnotifications");
		assertThat(paths("after=" + after + "&since=2025-01-15T11:00:00Z")).containsExactly(COWORKERS + "/1",
				COWORKERS);
		assertThat(paths("after=" + after + "&path=" + COWORKERS + "&method=GET")).containsExactly(COWORKERS);
		assertThat(paths("after=" + after + "&path_prefix=/api/spaces/&Method=post")).containsExactly(COWORKERS);
		assertThat(paths("after=" + (after + 3))).containsExactly(COWORKERS);

		Response invalid = get("/ephemeral/requests?status=teapot", admin());
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).isEqualTo(
				failure(400, "status", "is not a valid value", error("\"teapot\"", "is not a valid value", "status")));
		assertThat(get("/ephemeral/requests?since=yesterday", admin()).json().get("Message").asString())
			.isEqualTo("since: is not a valid value");
		// a misspelt filter is named, not left out to match everything
		assertThat(get("/ephemeral/requests?pathPrefix=/nothing&methd=PUT", admin()).body()).isEqualTo(
				failure(400, "methd", "is not a known filter", error("\"PUT\"", "is not a known filter", "methd"),
						error("\"/nothing\"", "is not a known filter", "pathPrefix")));
		// a filter given twice, in any case, is refused (the second was left out); an
		// empty
		// one is left out, as on the resources' lists
		assertThat(get("/ephemeral/requests?method=PUT&METHOD=GET", admin()).body()).isEqualTo(failure(400, "method",
				"is not a valid value", error("[\"PUT\",\"GET\"]", "is not a valid value", "method")));
		assertThat(journal("method=&path_prefix=/api/")).isEqualTo(journal("path_prefix=/api/"));
	}

	@Test
	void steeringIsNotRecordedAndAClearOrAResetEmptiesTheJournalWhileSequencesGoOn() {
		get(COWORKERS, admin());
		long before = lastSequence();
		steer("GET", "/ephemeral/faults", null);
		steer("GET", "/ephemeral/clock", null);
		assertThat(journal(""))
			.noneSatisfy((record) -> assertThat(record.get("Path").asString()).startsWith("/ephemeral/"));

		assertThat(steer("DELETE", "/ephemeral/requests", null).status()).isEqualTo(204);
		assertThat(get("/ephemeral/requests", admin()).body()).isEqualTo("{\"Records\":[],\"TotalItems\":0}");
		get(COWORKERS, admin());
		assertThat(journal("")).singleElement()
			.satisfies((record) -> assertThat(record.get("Sequence").asLong()).isEqualTo(before + 1));

		assertThat(steer("POST", "/ephemeral/reset", null).status()).isEqualTo(200);
		assertThat(journal("")).isEmpty();
	}

	@Test
	void theJournalIsTheAdministratorsAlone() {
		Response anonymous = get("/ephemeral/requests", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.body()).isEqualTo(failure(401, "Authorization has been denied for this request."));
		Response editor = send("DELETE", "/ephemeral/requests", null, (String) null,
				bearer("cn-edit@example.com", "role-secret"));
		assertThat(editor.status()).isEqualTo(403);
		assertThat(editor.body()).isEqualTo(failure(403, "You do not have permission to perform this action."));
	}

	private List<String> paths(String filters) {
		return journal(filters).stream().map((record) -> record.get("Path").asString()).toList();
	}

	private static String entry(long sequence, String method, String path, String query, String caller, String scheme,
			String contentType, String body, int status) {
		return """
				{"Sequence":%d,"Time":"%s","Method":"%s","Path":"%s","Query":%s,"Caller":%s,"Scheme":%s,\
				"ContentType":%s,"Body":%s,"BodyTruncated":false,"Status":%d,"Fault":null}""".formatted(sequence, FIXED,
				method, path, quoted(query), quoted(caller), quoted(scheme), quoted(contentType), quoted(body), status);
	}

}
