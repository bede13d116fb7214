package io.notifications.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.notifications.memo.MemoResource;
import io.notifications.support.ApiTestSupport;
import io.notifications.support.RawHttp;
import io.notifications.support.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe concurrent edits over real HTTP, for every declared resource (the test-only memo
 * too): each single-record answer carries the record's {@code ETag}; {@code If-Match} on
 * a PUT or DELETE refuses a stale version with 412 and changes nothing;
 * {@code If-None-Match} on a GET answers 304.
 */
class ConditionalRequestsTests extends ApiTestSupport {

	/**
	 * A resource to try, its create body with one text field to vary, and that field's
	 * name.
	 */
	record Kind(String base, String template, String field) {

		String body(String text) {
			return this.template.formatted(text);
		}

		String body(int id, String text) {
			return body(text).replaceFirst("\\{", "{\"Id\":" + id + ",");
		}

		@Override
		public String toString() {
			return this.base;
		}

	}

	static final Map<String, String> TABLES = Map.of("/api/spaces/coworkernotifications", "coworker_notifications",
			"/api/sys/systemnotifications", "system_notifications", MemoResource.BASE, "memos");

	static Stream<Kind> resources() {
		return Stream.of(new Kind("/api/spaces/coworkernotifications", """
				{"CoworkerId":5,"Message":"%s","NotificationType":"blog","EntityId":1}""", "Message"),
				new Kind("/api/sys/systemnotifications", """
						{"Title":"%s","Severity":2,"StartTime":"2025-01-15T10:30:00Z","ShortDescription":"Short",\
						"Description":"Long","MessageType":2}""", "Title"), new Kind(MemoResource.BASE, """
						{"Subject":"%s","Pinned":true}""", "Subject"));
	}

	@ParameterizedTest
	@MethodSource("resources")
	void everySingleRecordAnswerCarriesTheRecordsTagAndListsCarryNone(Kind kind) {
		Response created = postJson(kind.base(), kind.body("first"), admin());
		int id = created.json().get("Value").get("Id").asInt();
		assertThat(created.header("ETag")).isEqualTo("\"" + id + "-0\"");

		Response updated = putJson(kind.base(), kind.body(id, "second"), admin());
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.header("ETag")).isEqualTo("\"" + id + "-1\"");
		assertThat(get(kind.base() + "/" + id, admin()).header("ETag")).isEqualTo("\"" + id + "-1\"");

		assertThat(get(kind.base(), admin()).header("ETag")).isNull();
		assertThat(get(kind.base() + "?id=[" + id + "]", admin()).header("ETag")).isNull();
		assertThat(delete(kind.base() + "/" + id, admin()).header("ETag")).isNull();
	}

	@ParameterizedTest
	@MethodSource("resources")
	void aStaleIfMatchIsRefusedWith412AndChangesNothing(Kind kind) {
		int id = createdId(kind.base(), kind.body("original"));
		String stale = putJson(kind.base(), kind.body(id, "theirs"), admin()).header("ETag").replace("-1", "-0");
		String before = get(kind.base() + "/" + id, admin()).body();

		Response put = send("PUT", kind.base(), "application/json", kind.body(id, "mine"), admin(),
				Map.of("If-Match", stale));
		Response deleted = send("DELETE", kind.base() + "/" + id, null, null, admin(), Map.of("If-Match", stale));
		Response weak = send("PUT", kind.base(), "application/json", kind.body(id, "mine"), admin(),
				Map.of("If-Match", "W/\"" + id + "-1\""));

		String refused = failure(412, "Id", "was modified by someone else",
				error(JSON.writeValueAsString(stale), "was modified by someone else", "Id"));
		assertThat(put.status()).isEqualTo(412);
		assertThat(put.body()).isEqualTo(refused);
		assertThat(deleted.status()).isEqualTo(412);
		assertThat(deleted.body()).isEqualTo(refused);
		// If-Match compares strongly: a weak tag never matches
		assertThat(weak.status()).isEqualTo(412);
		assertThat(get(kind.base() + "/" + id, admin()).body()).isEqualTo(before);
	}

	@ParameterizedTest
	@MethodSource("resources")
	void theCurrentTagOrAStarLetsAWriteThroughAndAMissingRecordIsStill404(Kind kind) {
		int id = createdId(kind.base(), kind.body("original"));
		String current = get(kind.base() + "/" + id, admin()).header("ETag");

		Response matched = send("PUT", kind.base(), "application/json", kind.body(id, "matched"), admin(),
				Map.of("If-Match", "\"1-99\", " + current));
		Response star = send("PUT", kind.base(), "application/json", kind.body(id, "star"), admin(),
				Map.of("If-Match", "*"));
		String afterStar = star.header("ETag");
		Response deleted = send("DELETE", kind.base() + "/" + id, null, null, admin(), Map.of("If-Match", afterStar));
		Response starOnMissing = send("PUT", kind.base(), "application/json", kind.body(id, "gone"), admin(),
				Map.of("If-Match", "*"));
		Response staleOnMissing = send("DELETE", kind.base() + "/" + id, null, null, admin(),
				Map.of("If-Match", current));

		assertThat(matched.status()).as(matched.body()).isEqualTo(200);
		assertThat(matched.header("ETag")).isEqualTo("\"" + id + "-1\"");
		assertThat(star.status()).isEqualTo(200);
		assertThat(afterStar).isEqualTo("\"" + id + "-2\"");
		assertThat(deleted.status()).isEqualTo(200);
		// RFC 9110 13.2.1: preconditions are ignored when the request would fail without
		// them
		String notFound = failure(404, "Id", "was not found", error(String.valueOf(id), "was not found", "Id"));
		assertThat(starOnMissing.body()).isEqualTo(notFound);
		assertThat(staleOnMissing.body()).isEqualTo(notFound);
	}

	@ParameterizedTest
	@MethodSource("resources")
	void twoClientsRacingReadModifyWriteWithIfMatchLoseNoUpdate(Kind kind) throws Exception {
		int id = createdId(kind.base(), kind.body("original"));
		ExecutorService clients = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				// both read the same version, then both write it back changed, at once
				String tag = get(kind.base() + "/" + id, admin()).header("ETag");
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Response>> writes = new ArrayList<>();
				for (String client : List.of("alice " + round, "bob " + round)) {
					writes.add(clients.submit(() -> {
						start.await();
						return send("PUT", kind.base(), "application/json", kind.body(id, client), admin(),
								Map.of("If-Match", tag));
					}));
				}
				start.countDown();
				Response alice = writes.get(0).get(30, TimeUnit.SECONDS);
				Response bob = writes.get(1).get(30, TimeUnit.SECONDS);

				assertThat(List.of(alice.status(), bob.status())).containsExactlyInAnyOrder(200, 412);
				String winner = (alice.status() == 200) ? "alice " + round : "bob " + round;
				JsonNode stored = get(kind.base() + "/" + id, admin()).json();
				assertThat(stored.get(kind.field()).asString()).isEqualTo(winner);
				assertThat((alice.status() == 200 ? alice : bob).header("ETag"))
					.isEqualTo("\"" + id + "-" + (round + 1) + "\"");
			}
		}
		finally {
			clients.shutdown();
		}
	}

	@ParameterizedTest
	@MethodSource("resources")
	void aMatchingIfNoneMatchGets304WithNoBody(Kind kind) {
		int id = createdId(kind.base(), kind.body("original"));
		String tag = get(kind.base() + "/" + id, admin()).header("ETag");

		Response unchanged = send("GET", kind.base() + "/" + id, null, null, admin(), Map.of("If-None-Match", tag));
		putJson(kind.base(), kind.body(id, "changed"), admin());
		Response changed = send("GET", kind.base() + "/" + id, null, null, admin(), Map.of("If-None-Match", tag));

		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();
		assertThat(unchanged.header("ETag")).isEqualTo(tag);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get(kind.field()).asString()).isEqualTo("changed");
	}

	@ParameterizedTest
	@MethodSource("resources")
	void ifNoneMatchStarIsNotModifiedForAnExistingRecordAndNotFoundForAMissingOne(Kind kind) {
		int id = createdId(kind.base(), kind.body("original"));

		Response existing = send("GET", kind.base() + "/" + id, null, null, admin(), Map.of("If-None-Match", "*"));
		Response missing = send("GET", kind.base() + "/" + (id + 1000), null, null, admin(),
				Map.of("If-None-Match", "*"));

		assertThat(existing.status()).isEqualTo(304);
		assertThat(existing.body()).isEmpty();
		assertThat(existing.header("ETag")).isEqualTo("\"" + id + "-0\"");
		assertThat(missing.status()).isEqualTo(404);
	}

	@ParameterizedTest
	@MethodSource("resources")
	void anEmptyOrMalformedConditionIsRefusedNamingTheHeaderAndChangesNothing(Kind kind) {
		int id = createdId(kind.base(), kind.body("original"));
		for (String sent : new String[] { "", "1-0", "\"" + id + "-0", "W/", "*, \"" + id + "-0\"" }) {
			String refusal = failure(400, "If-Match", "is not a valid value",
					error(JSON.writeValueAsString(sent), "is not a valid value", "If-Match"));
			assertRefusedAndUnchanged(TABLES.get(kind.base()), id, () -> send("PUT", kind.base(), "application/json",
					kind.body(id, "mine"), admin(), Map.of("If-Match", sent)), 400, refusal);
			assertRefusedAndUnchanged(TABLES.get(kind.base()), id,
					() -> send("DELETE", kind.base() + "/" + id, null, null, admin(), Map.of("If-Match", sent)), 400,
					refusal);
			assertThat(send("GET", kind.base() + "/" + id, null, null, admin(), Map.of("If-None-Match", sent)).body())
				.isEqualTo(failure(400, "If-None-Match", "is not a valid value",
						error(JSON.writeValueAsString(sent), "is not a valid value", "If-None-Match")));
			assertThat(send("GET", kind.base() + "/" + id, null, null, admin(), Map.of("If-Match", sent)).body())
				.isEqualTo(refusal);
		}
	}

	/**
	 * RFC 9110 section 13.1.1: a read, too, happens only while the record has a tag
	 * named.
	 */
	@ParameterizedTest
	@MethodSource("resources")
	void aReadWithIfMatchIsAnsweredOnlyWhileTheRecordHasTheTag(Kind kind) {
		int id = createdId(kind.base(), kind.body("original"));
		String stale = get(kind.base() + "/" + id, admin()).header("ETag");
		String current = putJson(kind.base(), kind.body(id, "changed"), admin()).header("ETag");
		String path = kind.base() + "/" + id;

		Response refused = send("GET", path, null, null, admin(), Map.of("If-Match", stale));
		Response weak = send("GET", path, null, null, admin(), Map.of("If-Match", "W/" + current));
		// If-Match first: refused, not 304
		Response both = send("GET", path, null, null, admin(), Map.of("If-Match", stale, "If-None-Match", current));

		String modified = failure(412, "Id", "was modified by someone else",
				error(JSON.writeValueAsString(stale), "was modified by someone else", "Id"));
		assertThat(refused.status()).isEqualTo(412);
		assertThat(refused.body()).isEqualTo(modified);
		assertThat(weak.status()).isEqualTo(412);
		assertThat(both.status()).isEqualTo(412);
		assertThat(both.body()).isEqualTo(modified);
		for (String tags : new String[] { current, "*", stale + ", " + current }) {
			Response read = send("GET", path, null, null, admin(), Map.of("If-Match", tags));
			assertThat(read.status()).as(tags).isEqualTo(200);
			assertThat(read.header("ETag")).isEqualTo(current);
			assertThat(read.json().get(kind.field()).asString()).isEqualTo("changed");
		}
		assertThat(send("GET", kind.base() + "/" + (id + 1000), null, null, admin(), Map.of("If-Match", "*")).status())
			.isEqualTo(404);
	}

	/**
	 * A condition sent on several lines is one list (RFC 9110 section 5.3): a {@code *}
	 * beside a tag is as malformed as on one line, where it let a stale write through.
	 */
	@ParameterizedTest
	@MethodSource("resources")
	void aConditionOnSeveralLinesIsOneList(Kind kind) {
		int id = createdId(kind.base(), kind.body("original"));
		String stale = "\"" + id + "-9\"";
		String request = """
				DELETE %s/%d HTTP/1.1\r
				Host: localhost\r
				Authorization: %s\r
				If-Match: %s\r
				If-Match: *\r
				Connection: close\r
				\r
				""".formatted(kind.base(), id, admin(), stale);
		assertRefusedAndUnchanged(TABLES.get(kind.base()), id, () -> RawHttp.exchange("127.0.0.1", this.port, request),
				400, failure(400, "If-Match", "is not a valid value",
						error(JSON.writeValueAsString(stale + ", *"), "is not a valid value", "If-Match")));
		String current = "\"" + id + "-0\"";
		assertThat(RawHttp.exchange("127.0.0.1", this.port, request.replace("If-Match: *", "If-Match: " + current))
			.status()).isEqualTo(200);
	}

	/**
	 * RFC 9110 section 13.1.2: a write's {@code If-None-Match} refuses it with 412 while
	 * the record has a version it names (weakly compared) or, for {@code *}, any version.
	 */
	@ParameterizedTest
	@MethodSource("resources")
	void anIfNoneMatchNamingTheCurrentVersionRefusesAWrite(Kind kind) {
		int id = createdId(kind.base(), kind.body("original"));
		String current = "\"" + id + "-0\"";
		String other = "\"" + id + "-9\"";
		for (String sent : new String[] { "*", current, "W/" + current, other + ", " + current }) {
			Map<String, String> condition = Map.of("If-None-Match", sent);
			String refusal = failure(412, "If-None-Match", "matches the current version",
					error(JSON.writeValueAsString(sent), "matches the current version", "If-None-Match"));
			assertRefusedAndUnchanged(TABLES.get(kind.base()), id,
					() -> send("PUT", kind.base(), "application/json", kind.body(id, "mine"), admin(), condition), 412,
					refusal);
			assertRefusedAndUnchanged(TABLES.get(kind.base()), id,
					() -> send("DELETE", kind.base() + "/" + id, null, null, admin(), condition), 412, refusal);
		}
		// If-Match is evaluated first: a stale one is its 412, whatever If-None-Match
		// says
		assertRefusedAndUnchanged(TABLES.get(kind.base()), id,
				() -> send("PUT", kind.base(), "application/json", kind.body(id, "mine"), admin(),
						Map.of("If-Match", other, "If-None-Match", current)),
				412, failure(412, "Id", "was modified by someone else",
						error(JSON.writeValueAsString(other), "was modified by someone else", "Id")));
		// another version's tag lets the write through; a missing record is still a 404
		assertThat(send("PUT", kind.base(), "application/json", kind.body(id, "mine"), admin(),
				Map.of("If-None-Match", other))
			.status()).isEqualTo(200);
		assertThat(send("DELETE", kind.base() + "/987654", null, null, admin(), Map.of("If-None-Match", "*")).status())
			.isEqualTo(404);
		assertThat(
				send("DELETE", kind.base() + "/" + id, null, null, admin(), Map.of("If-None-Match", current)).status())
			.isEqualTo(200);
	}

	/** CONTRACT 4: a malformed condition is a 400, on a write too. */
	@ParameterizedTest
	@MethodSource("resources")
	void aMalformedIfNoneMatchOnAWriteIsRefusedAndChangesNothing(Kind kind) {
		int id = createdId(kind.base(), kind.body("original"));
		String refusal = failure(400, "If-None-Match", "is not a valid value",
				error("\"garbage\"", "is not a valid value", "If-None-Match"));
		Map<String, String> garbage = Map.of("If-None-Match", "garbage");
		assertRefusedAndUnchanged(TABLES.get(kind.base()), id,
				() -> send("PUT", kind.base(), "application/json", kind.body(id, "mine"), admin(), garbage), 400,
				refusal);
		assertRefusedAndUnchanged(TABLES.get(kind.base()), id,
				() -> send("DELETE", kind.base() + "/" + id, null, null, admin(), garbage), 400, refusal);
	}

	@ParameterizedTest
	@MethodSource("resources")
	void anEmptyOrMalformedIdempotencyKeyIsRefusedNamingTheHeaderAndCreatesNothing(Kind kind) {
		String count = "SELECT COUNT(*) FROM " + TABLES.get(kind.base());
		int before = this.jdbc.queryForObject(count, Integer.class);
		for (String sent : new String[] { "", "x".repeat(256) }) {
			Response response = send("POST", kind.base(), "application/json", kind.body("once"), admin(),
					Map.of("Idempotency-Key", sent));

			assertThat(response.body()).isEqualTo(failure(400, "Idempotency-Key", "is not a valid value",
					error(JSON.writeValueAsString(sent), "is not a valid value", "Idempotency-Key")));
		}
		assertThat(this.jdbc.queryForObject(count, Integer.class)).isEqualTo(before);
	}

}
