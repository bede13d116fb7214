package io.notifications.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.notifications.NotificationsApplication;
import io.notifications.support.EndToEnd;
import io.notifications.support.Envelopes;
import io.notifications.support.Http;
import io.notifications.support.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops while clients write and then comes back: requests get 503 in the
 * envelope within seconds (never 500, never a hang), readiness says DOWN at once, writes
 * succeed again soon after it returns, and every write that was acknowledged is there.
 * The server is a PostgreSQL of this test's own (the shared one serves other tests),
 * stopped and started on the same port and data directory.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@EndToEnd
class DatabaseOutageTests {

	static final String BASE = "/api/spaces/coworkernotifications";

	static final String ADMIN = "admin@example.com";

	static final String PASSWORD = "outage-secret";

	static final String AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	@TempDir
	Path directory;

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aStoppedDatabaseIsAFast503AndNothingAcknowledgedIsLost(CapturedOutput output) throws Exception {
		int port = freePort();
		Path data = this.directory.resolve("pgdata");
		EmbeddedPostgres postgres = startPostgres(port, data);
		ExecutorService clients = Executors.newSingleThreadExecutor();
		try (ConfigurableApplicationContext application = start(postgres.getJdbcUrl("postgres", "postgres"))) {
			String base = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");
			int id = create(base, "before").json().get("Value").get("Id").asInt();

			// a client writes all along; what it was told was stored is remembered
			Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
			Queue<String> unexpected = new ConcurrentLinkedQueue<>();
			AtomicBoolean writing = new AtomicBoolean(true);
			Future<?> writer = clients.submit(() -> {
				for (int write = 0; writing.get() && write < 10_000; write++) {
					Response response = create(base, "write " + write);
					if (response.status() == 200) {
						acknowledged.put(response.json().get("Value").get("Id").asInt(), "write " + write);
					}
					else if (response.status() != 503) {
						unexpected.add(response.status() + " " + response.body());
					}
				}
				return null;
			});
			Thread.sleep(500);

			postgres.close();
			long start = System.nanoTime();
			Response put = update(base, id, "during");
			long putMillis = millisSince(start);
			// said by the request that found it, not by a readiness probe (there may be
			// none)
			assertThat(output.getOut()).contains("The database did not answer: readiness is DOWN");
			start = System.nanoTime();
			Response readiness = Http.get(base + "/actuator/health/readiness", null);
			long readinessMillis = millisSince(start);
			Response details = Http.get(base + "/actuator/health/readiness", AUTHORIZATION);

			assertThat(put.status()).isEqualTo(503);
			assertThat(put.body()).isEqualTo(Envelopes.failure(503, "The database is unavailable. Try again shortly."));
			assertThat(put.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(putMillis).isLessThan(5000);
			assertThat(readiness.status()).isEqualTo(503);
			assertThat(readiness.body()).isEqualTo("""
					{"status":"DOWN"}""");
			assertThat(readinessMillis).isLessThan(2000);
			// the Administrator sees what is wrong in words, no exception class
			assertThat(details.body()).isEqualTo("""
					{"components":{"db":{"details":{"error":"The database did not answer."},"status":"DOWN"},\
					"readinessState":{"status":"UP"}},"status":"DOWN"}""");

			// later in the outage the pool has no connection left to fail on: a GET by id
			// and
			// a PUT wait for a new one, which JPA reports in its provider's own exception
			for (int attempt = 0; attempt < 2; attempt++) {
				start = System.nanoTime();
				Response read = Http.get(base + BASE + "/" + id, AUTHORIZATION);
				long readMillis = millisSince(start);
				Response write = update(base, id, "during");
				for (Response response : List.of(read, write)) {
					assertThat(response.status()).as(response.body()).isEqualTo(503);
					assertThat(response.body())
						.isEqualTo(Envelopes.failure(503, "The database is unavailable. Try again shortly."));
					assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
				}
				assertThat(readMillis).isLessThan(5000);
			}

			postgres = startPostgres(port, data);
			start = System.nanoTime();
			Response again = update(base, id, "after");
			while (again.status() != 200 && millisSince(start) < 10_000) {
				Thread.sleep(100);
				again = update(base, id, "after");
			}
			assertThat(again.status()).as(again.body()).isEqualTo(200);
			// said without a readiness probe too: the health check runs while it is down
			start = System.nanoTime();
			while (!output.getOut().contains("The database answers again: readiness is UP")
					&& millisSince(start) < 5_000) {
				Thread.sleep(100);
			}
			assertThat(output.getOut()).contains("The database answers again: readiness is UP");
			assertThat(Http.get(base + "/actuator/health/readiness", null).status()).isEqualTo(200);
			// each change of readiness said once, without a stack trace at every probe
			assertThat(output.getOut()).doesNotContain("DataSource health check failed");
			assertThat(output.getOut().split("The database did not answer: readiness is DOWN", -1)).hasSize(2);
			assertThat(output.getOut()).contains("The database answers again: readiness is UP");
			// no stack trace for what every request in the outage met (hundreds of lines
			// each)
			assertThat(output.getOut().lines().filter((line) -> line.startsWith("\tat "))).isEmpty();

			writing.set(false);
			writer.get(1, TimeUnit.MINUTES);
			assertThat(unexpected).isEmpty();
			assertThat(acknowledged).isNotEmpty();
			for (Map.Entry<Integer, String> write : acknowledged.entrySet()) {
				Response stored = Http.get(base + BASE + "/" + write.getKey(), AUTHORIZATION);
				assertThat(stored.status()).isEqualTo(200);
				assertThat(stored.json().get("Message").asString()).isEqualTo(write.getValue());
			}
		}
		finally {
			clients.shutdownNow();
			postgres.close();
		}
	}

	/**
	 * A create with an Idempotency-Key that the outage cut off could not release its
	 * claim then; once the database is back, a client that honours Retry-After gets its
	 * record created by a retry, not 409 "still in progress" until the claim times out (a
	 * minute).
	 */
	@Test
	void aKeyedCreateCutOffByTheOutageIsCreatedByARetryOnceTheDatabaseIsBack() throws Exception {
		int port = freePort();
		Path data = this.directory.resolve("pgdata");
		EmbeddedPostgres postgres = startPostgres(port, data);
		ExecutorService clients = Executors.newSingleThreadExecutor();
		String body = """
				{"CoworkerId":7,"Message":"keyed","NotificationType":"blog","EntityId":0}""";
		Map<String, String> key = Map.of("Idempotency-Key", "cut-off-1");
		try (ConfigurableApplicationContext application = start(postgres.getJdbcUrl("postgres", "postgres"))) {
			String base = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");
			// the create waits on a table lock, after its key was claimed, until the
			// database goes away under it
			Connection holder = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres",
					"unused");
			holder.setAutoCommit(false);
			holder.createStatement().execute("LOCK TABLE coworker_notifications IN EXCLUSIVE MODE");
			Future<Response> first = clients.submit(() -> Http.send("POST", base + BASE, "application/json",
					BodyPublishers.ofString(body), AUTHORIZATION, key));
			Thread.sleep(1000);
			postgres.close();
			Response cutOff = first.get(30, TimeUnit.SECONDS);
			assertThat(cutOff.status()).as(cutOff.body()).isEqualTo(503);
			assertThat(cutOff.headers().firstValue("Retry-After")).hasValue("5");
			holder.close(); // its session ended with the database

			postgres = startPostgres(port, data);
			Thread.sleep(5000);
			long start = System.nanoTime();
			Response retry = Http.send("POST", base + BASE, "application/json", BodyPublishers.ofString(body),
					AUTHORIZATION, key);
			while (retry.status() != 200 && millisSince(start) < 15_000) {
				Thread.sleep(500);
				retry = Http.send("POST", base + BASE, "application/json", BodyPublishers.ofString(body), AUTHORIZATION,
						key);
			}
			assertThat(retry.status()).as(retry.body()).isEqualTo(200);
			assertThat(Http.get(base + BASE + "?CoworkerNotification_Message=keyed", AUTHORIZATION).body())
				.contains("\"TotalItems\":1,");
		}
		finally {
			clients.shutdownNow();
			postgres.close();
		}
	}

	private static Response create(String base, String message) throws IOException {
		return Http.postJson(base + BASE, """
				{"CoworkerId":7,"Message":"%s","NotificationType":"blog","EntityId":0}""".formatted(message),
				AUTHORIZATION);
	}

	private static Response update(String base, int id, String message) throws IOException {
		return Http.putJson(base + BASE, """
				{"Id":%d,"CoworkerId":7,"Message":"%s","NotificationType":"blog","EntityId":0}""".formatted(id,
				message), AUTHORIZATION);
	}

	private ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(NotificationsApplication.class).run("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=unused", "--server.port=0", "--server.address=127.0.0.1",
				"--notifications.security.token.key-location=file:" + this.directory.resolve("key.json"),
				"--notifications.security.users[0].email=" + ADMIN,
				"--notifications.security.users[0].password={noop}" + PASSWORD,
				"--notifications.security.users[0].roles=Administrator", "--notifications.rate-limit.enabled=false");
	}

	/**
	 * Starts PostgreSQL on the data directory, creating it the first time; stopping keeps
	 * it.
	 */
	private static EmbeddedPostgres startPostgres(int port, Path data) throws IOException {
		return EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("fsync", "on")
			.start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static long millisSince(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

}
