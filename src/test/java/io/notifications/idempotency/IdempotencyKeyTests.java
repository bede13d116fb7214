package io.notifications.idempotency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.RawHttp;
import io.notifications.support.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe retries of creates over real HTTP: a POST repeated with the same
 * {@code Idempotency-Key} and body gets the first answer again and creates nothing more;
 * another body with the key gets 422, a repeat while the first is unanswered 409; keys
 * are per caller and expire.
 */
class IdempotencyKeyTests extends ApiTestSupport {

	static final String BASE = "/api/spaces/coworkernotifications";

	static final String BODY = """
			{"CoworkerId":5,"Message":"Your invoice is ready","NotificationType":"blog","EntityId":1}""";

	@Autowired
	IdempotencyKeys keys;

	@BeforeEach
	void emptyKeys() {
		this.jdbc.update("DELETE FROM idempotency_keys");
	}

	@Test
	void aCreateRetriedAfterALostResponseCreatesOneRecordAndAnswersTheSameBody() {
		String key = UUID.randomUUID().toString();
		// the first answer is lost on its way back: the client knows nothing of it and
		// sends again
		Response first = post(BODY, admin(), key);
		Response retried = post(BODY, admin(), key);
		Response retriedWithBasic = post(BODY, basic(ADMIN, ADMIN_PASSWORD), key);

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.body()).isEqualTo(first.body());
		assertThat(retried.header("ETag")).isEqualTo(first.header("ETag"));
		assertThat(retried.header("Content-Type")).isEqualTo(first.header("Content-Type"));
		assertThat(retriedWithBasic.body()).isEqualTo(first.body());
		assertThat(records()).isEqualTo(1);
		// the answer is the one a create without a key gives, with its new Id
		Response plain = postJson(BASE, BODY, admin());
		int id = first.json().get("Value").get("Id").asInt();
		assertThat(first.body()).isEqualTo(plain.body()
			.replace("\"Id\":" + plain.json().get("Value").get("Id").asInt() + ",", "\"Id\":" + id + ",")
			.replace(plain.json().get("Value").get("UniqueId").asString(),
					first.json().get("Value").get("UniqueId").asString())
			.replace(plain.json().get("UpdatedOn").asString(), first.json().get("UpdatedOn").asString())
			.replace(plain.json().get("Value").get("CreatedOn").asString(),
					first.json().get("Value").get("CreatedOn").asString())
			.replace(plain.json().get("Value").get("UpdatedOn").asString(),
					first.json().get("Value").get("UpdatedOn").asString()));
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefusedWith422() {
		String key = "order-42";
		post(BODY, admin(), key);

		Response other = post(BODY.replace("Your invoice is ready", "Something else"), admin(), key);

		assertThat(other.status()).isEqualTo(422);
		// the contract's Errors: [], with no property at fault
		assertThat(other.body())
			.isEqualTo(failure(422, "The Idempotency-Key was already used for a different request."));
		assertThat(records()).isEqualTo(1);
	}

	@Test
	void aRepeatWhileTheFirstIsUnansweredIsRefusedWith409() {
		String key = "in-flight";
		claimAsIfInFlight(key, Instant.now());

		Response repeat = post(BODY, admin(), key);

		assertThat(repeat.status()).isEqualTo(409);
		assertThat(repeat.body()).isEqualTo(failure(409, "Idempotency-Key", "is in use by a request still in progress",
				error("\"in-flight\"", "is in use by a request still in progress", "Idempotency-Key")));
		assertThat(records()).isZero();
	}

	@Test
	void aKeyWhoseRequestDiedUnansweredIsTakenOverAfterTheInFlightTimeout() {
		String key = "died";
		claimAsIfInFlight(key, Instant.now().minus(2, ChronoUnit.MINUTES));

		Response retry = post(BODY, admin(), key);

		assertThat(retry.status()).as(retry.body()).isEqualTo(200);
		assertThat(records()).isEqualTo(1);
		assertThat(post(BODY, admin(), key).body()).isEqualTo(retry.body());
	}

	@Test
	void concurrentRepeatsOfOneKeyCreateOneRecord() throws Exception {
		String key = UUID.randomUUID().toString();
		String token = admin();
		ExecutorService clients = Executors.newFixedThreadPool(6);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> responses = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			responses.add(clients.submit(() -> {
				start.await();
				return post(BODY, token, key);
			}));
		}
		start.countDown();
		clients.shutdown();
		assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

		List<String> answered = new ArrayList<>();
		for (Future<Response> response : responses) {
			Response r = response.get();
			assertThat(r.status()).as(r.body()).isIn(200, 409);
			if (r.status() == 200) {
				answered.add(r.body());
			}
		}
		assertThat(answered).isNotEmpty();
		assertThat(answered).allMatch(answered.get(0)::equals);
		assertThat(records()).isEqualTo(1);
		assertThat(post(BODY, token, key).body()).isEqualTo(answered.get(0));
	}

	@Test
	void keysArePerCallerAndPerResource() {
		String key = "shared-key";
		Response admins = post(BODY, admin(), key);
		Response anothers = post(BODY, bearer("cn-create@example.com", "role-secret"), key);
		Response onAnotherResource = send("POST", "/api/sys/systemnotifications", "application/json", """
				{"Title":"Maintenance","Severity":2,"StartTime":"2025-01-15T10:30:00Z","ShortDescription":"Short",\
				"Description":"Long","MessageType":2}""", admin(), Map.of("Idempotency-Key", key));

		assertThat(admins.status()).isEqualTo(200);
		assertThat(anothers.status()).isEqualTo(200);
		assertThat(anothers.json().get("Value").get("Id").asInt())
			.isNotEqualTo(admins.json().get("Value").get("Id").asInt());
		assertThat(records()).isEqualTo(2);
		assertThat(onAnotherResource.status()).isEqualTo(422);
	}

	@Test
	void anExpiredKeyIsFreeAgainAndPruned() {
		claimAsIfInFlight("old", Instant.now().minus(25, ChronoUnit.HOURS));
		claimAsIfInFlight("older", Instant.now().minus(30, ChronoUnit.HOURS));
		this.jdbc.update("UPDATE idempotency_keys SET request_hash = 'another request'");

		Response reused = post(BODY, admin(), "old");

		assertThat(reused.status()).as(reused.body()).isEqualTo(200);
		assertThat(this.keys.prune()).isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT idempotency_key FROM idempotency_keys", String.class))
			.containsExactly("old");
	}

	@Test
	void anInvalidRequestOrKeyIsRefusedAndNotKept() {
		Response invalid = post("""
				{"CoworkerId":5}""", admin(), "k");
		Response tooLong = post(BODY, admin(), "k".repeat(256));

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).isEqualTo(failure(400, "Idempotency-Key", "is not a valid value",
				error("\"" + "k".repeat(256) + "\"", "is not a valid value", "Idempotency-Key")));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_keys", Integer.class)).isZero();
		assertThat(post(BODY, admin(), "k").status()).isEqualTo(200);
	}

	@Test
	void twoKeyLinesAreRefusedAndNeitherKeyIsKept() {
		int before = records();
		Response twoLines = RawHttp.exchange("127.0.0.1", this.port,
				"POST " + BASE + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin()
						+ "\r\nContent-Type: application/json\r\nIdempotency-Key: a1\r\nIdempotency-Key: b1\r\n"
						+ "Content-Length: " + BODY.length() + "\r\nConnection: close\r\n\r\n" + BODY);

		assertThat(twoLines.status()).as(twoLines.body()).isEqualTo(400);
		assertThat(twoLines.json().get("Errors").get(0).get("PropertyName").asString()).isEqualTo("Idempotency-Key");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_keys", Integer.class)).isZero();
		assertThat(records()).isEqualTo(before);
		assertThat(post(BODY, admin(), "a1").status()).isEqualTo(200);
		assertThat(records()).isEqualTo(before + 1);
	}

	private Response post(String body, String authorization, String key) {
		return send("POST", BASE, "application/json", body, authorization, Map.of("Idempotency-Key", key));
	}

	/**
	 * A key claimed by a request for {@link #BODY} that has not been answered, as if
	 * still running.
	 */
	private void claimAsIfInFlight(String key, Instant claimedOn) {
		this.jdbc.update(
				"INSERT INTO idempotency_keys (caller, idempotency_key, request_hash, claimed_by, created_on) "
						+ "VALUES (?, ?, ?, ?, ?)",
				ADMIN, key,
				IdempotencyKeys.fingerprint("POST", BASE, BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				UUID.randomUUID().toString(), OffsetDateTime.ofInstant(claimedOn, ZoneOffset.UTC));
	}

	private int records() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM coworker_notifications", Integer.class);
	}

}
