package io.notifications.coworkernotification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent full replacements of one record: each is answered 200 with a version of its
 * own, and the stored record is exactly one request's body, never a mix of two.
 */
class ConcurrentUpdateTests extends ApiTestSupport {

	private static final String BASE = CoworkerNotificationApiTests.BASE;

	@Test
	void concurrentUpdatesOfOneRecordNeverMixFieldsOrFail() throws Exception {
		int id = postJson(BASE, CoworkerNotificationApiTests.VALID, admin()).json().get("Value").get("Id").asInt();
		String token = admin();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Response>> responses = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			int n = i;
			// every field carries the request's number, so a mix of two requests would
			// show
			String body = """
					{"Id":%d,"CoworkerId":%d,"Message":"message %d","NotificationType":"type %d","EntityId":%d,
					 "IsDismissed":%b,"SystemId":"system %d"}""".formatted(id, n + 1, n, n, n, n % 2 == 0, n);
			responses.add(pool.submit(() -> putJson(BASE, body, token)));
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

		Set<String> tags = new HashSet<>();
		for (Future<Response> response : responses) {
			assertThat(response.get().status()).as(response.get().body()).isEqualTo(200);
			tags.add(response.get().header("ETag"));
		}
		// each replacement got a version of its own
		assertThat(tags).hasSize(80);
		JsonNode stored = get(BASE + "/" + id, admin()).json();
		int n = stored.get("EntityId").asInt();
		assertThat(stored.get("CoworkerId").asInt()).isEqualTo(n + 1);
		assertThat(stored.get("Message").asString()).isEqualTo("message " + n);
		assertThat(stored.get("NotificationType").asString()).isEqualTo("type " + n);
		assertThat(stored.get("IsDismissed").asBoolean()).isEqualTo(n % 2 == 0);
		assertThat(stored.get("SystemId").asString()).isEqualTo("system " + n);
		assertThat(this.jdbc.queryForObject("SELECT version FROM coworker_notifications WHERE id = ?", Long.class, id))
			.isEqualTo(80L);
	}

}
