package io.notifications.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import io.notifications.support.ChildApplication;
import io.notifications.support.EndToEnd;
import io.notifications.support.Http;
import io.notifications.support.PostgresServer;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the application with SIGKILL in the middle of a stream of writes, starts it again
 * on the same database, and checks that every write it acknowledged is there: on the
 * default H2 file and on PostgreSQL.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@EndToEnd
class CrashDurabilityTests {

	static final String BASE = "/api/spaces/coworkernotifications";

	/** Writers that each replace one record over and over. */
	static final int WRITERS = 4;

	/** Acknowledged writes before the kill: a few hundred. */
	static final int ACKNOWLEDGED_BEFORE_KILL = 300;

	static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path workingDirectory;

	@Test
	void acknowledgedWritesSurviveSigkillOnTheDefaultH2File() throws Exception {
		// no datasource setting: the default
		// jdbc:h2:file:./data/notifications;WRITE_DELAY=0;...
		Map<String, String> environment = ChildApplication.administratorUnthrottled();

		writeKillRestartAndCheck(environment);
		assertThat(this.workingDirectory.resolve("data/notifications.mv.db")).exists();
	}

	@Test
	void acknowledgedWritesSurviveSigkillOnPostgres() throws Exception {
		Map<String, String> environment = ChildApplication.administratorUnthrottled();
		environment.put("SPRING_PROFILES_ACTIVE", "postgres");
		environment.put("SPRING_DATASOURCE_URL", PostgresServer.newDatabase());
		environment.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USER);
		environment.put("SPRING_DATASOURCE_PASSWORD", "unused");

		writeKillRestartAndCheck(environment);
		assertThat(this.workingDirectory.resolve("data/notifications.mv.db")).doesNotExist();
	}

	private void writeKillRestartAndCheck(Map<String, String> environment) throws Exception {
		int[] ids = new int[WRITERS];
		AtomicIntegerArray lastSent = new AtomicIntegerArray(WRITERS);
		AtomicIntegerArray lastAcknowledged = new AtomicIntegerArray(WRITERS);
		Queue<CreatedRecord> created = new ConcurrentLinkedQueue<>();
		Queue<String> unexpected = new ConcurrentLinkedQueue<>();
		AtomicInteger acknowledged = new AtomicInteger();

		String authorization;
		try (ChildApplication application = ChildApplication.start(this.workingDirectory, environment)) {
			// a bearer token: Basic would check a bcrypt hash on every request
			authorization = application.administratorToken();
			String url = application.baseUrl() + BASE;
			for (int writer = 0; writer < WRITERS; writer++) {
				Response response = Http.postJson(url, body(null, writer, 0), authorization);
				assertThat(response.status()).as(response.body()).isEqualTo(200);
				ids[writer] = response.json().get("Value").get("Id").asInt();
			}

			List<Thread> threads = new ArrayList<>();
			for (int writer = 0; writer < WRITERS; writer++) {
				int w = writer;
				threads.add(started(() -> {
					// until the kill breaks the connection
					for (int update = 1; update < 100_000; update++) {
						lastSent.set(w, update);
						try {
							Response response = Http.putJson(url, body(ids[w], w, update), authorization);
							if (response.status() != 200) {
								unexpected.add("PUT " + response.status() + " " + response.body());
								return;
							}
						}
						catch (IOException ex) {
							return;
						}
						lastAcknowledged.set(w, update);
						acknowledged.incrementAndGet();
					}
				}));
			}
			// creations in the same stream: an acknowledged new record must survive as
			// well
			threads.add(started(() -> {
				for (int creation = 1; creation < 100_000; creation++) {
					String json = body(null, WRITERS, creation);
					try {
						Response response = Http.postJson(url, json, authorization);
						if (response.status() != 200) {
							unexpected.add("POST " + response.status() + " " + response.body());
							return;
						}
						created.add(new CreatedRecord(response.json().get("Value").get("Id").asInt(), creation));
					}
					catch (IOException ex) {
						return;
					}
				}
			}));

			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
			while (acknowledged.get() < ACKNOWLEDGED_BEFORE_KILL && unexpected.isEmpty()
					&& System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			application.kill();
			for (Thread thread : threads) {
				thread.join(TimeUnit.SECONDS.toMillis(60));
			}
			assertThat(unexpected).isEmpty();
			assertThat(acknowledged.get()).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
		}

		try (ChildApplication restarted = ChildApplication.start(this.workingDirectory, environment)) {
			// the token stays valid: the signing key is in ./data beside the database
			String url = restarted.baseUrl() + BASE;
			for (int writer = 0; writer < WRITERS; writer++) {
				Response response = Http.get(url + "/" + ids[writer], authorization);
				assertThat(response.status()).isEqualTo(200);
				JsonNode stored = response.json();
				int update = stored.get("EntityId").asInt();
				// the last acknowledged update, or the one in flight when the process
				// died
				assertThat(update).as("writer %d", writer)
					.isBetween(lastAcknowledged.get(writer), lastSent.get(writer));
				assertThat(writable(stored)).isEqualTo(writable(json(body(ids[writer], writer, update))));
			}
			assertThat(created).isNotEmpty();
			for (CreatedRecord record : created) {
				Response response = Http.get(url + "/" + record.id(), authorization);
				assertThat(response.status()).as("created record %d", record.id()).isEqualTo(200);
				assertThat(writable(response.json()))
					.isEqualTo(writable(json(body(record.id(), WRITERS, record.creation()))));
			}
		}
	}

	static Thread started(Runnable work) {
		Thread thread = new Thread(work);
		thread.start();
		return thread;
	}

	/**
	 * A full record whose every writable field tells which writer wrote it in which
	 * update.
	 */
	static String body(Integer id, int writer, int update) {
		return """
				{"Id":%s,"CoworkerId":%d,"Message":"writer %d update %d","NotificationType":"type-%d",\
				"EntityId":%d,"IsDismissed":%b,"SystemId":"system-%d-%d"}""".formatted(id, writer + 1, writer, update,
				update, update, update % 2 == 1, writer, update);
	}

	static Map<String, Object> writable(JsonNode record) {
		Map<String, Object> fields = new HashMap<>();
		for (String name : List.of("Id", "CoworkerId", "Message", "NotificationType", "EntityId", "IsDismissed",
				"SystemId")) {
			fields.put(name, record.get(name).asString());
		}
		return fields;
	}

	static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	record CreatedRecord(int id, int creation) {
	}

}
