package io.notifications.database;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.notifications.support.ChildApplication;
import io.notifications.support.EndToEnd;
import io.notifications.support.Envelopes;
import io.notifications.support.Http;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The H2 file cannot grow (a full disk, as the JVM sees it under a file size limit) while
 * clients write: each write that cannot be stored is the 503 of an unavailable database,
 * never a 500; readiness says DOWN; the log says it once, without a stack trace (it wrote
 * about 450 lines a request); and after a restart with room, every acknowledged write is
 * there. H2 closes the database when a write fails: only a restart opens it again.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@EndToEnd
@EnabledOnOs(OS.LINUX) // prlimit
class FullDiskTests {

	static final String BASE = "/api/spaces/coworkernotifications";

	/** Bytes any file of the server may have: the database's, and the log's. */
	static final long FILE_SIZE_LIMIT = 4_000_000;

	static final String UNAVAILABLE = Envelopes.failure(503, "The database is unavailable. Try again shortly.");

	@TempDir
	Path workingDirectory;

	@Test
	void writesThatCannotBeStoredAre503sAndNothingAcknowledgedIsLost() throws Exception {
		Map<String, String> environment = ChildApplication.administratorUnthrottled();
		Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
		Queue<String> unexpected = new ConcurrentLinkedQueue<>();
		AtomicInteger refused = new AtomicInteger();
		try (ChildApplication application = ChildApplication.start(this.workingDirectory, environment,
				List.of("prlimit", "--fsize=" + FILE_SIZE_LIMIT + ":"))) {
			String authorization = application.administratorToken();
			String url = application.baseUrl() + BASE;
			List<Thread> writers = new ArrayList<>();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			for (int writer = 0; writer < 4; writer++) {
				int w = writer;
				Thread thread = new Thread(() -> {
					for (int write = 0; refused.get() < 50 && System.nanoTime() < deadline; write++) {
						String message = w + "-" + write + "-" + "x".repeat(3900);
						try {
							Response response = Http.postJson(url, """
									{"CoworkerId":7,"Message":"%s","NotificationType":"blog","EntityId":0}"""
								.formatted(message), authorization);
							if (response.status() == 200) {
								acknowledged.put(response.json().get("Value").get("Id").asInt(), message);
							}
							else if (response.status() == 503 && response.body().equals(UNAVAILABLE)
									&& "5".equals(response.header("Retry-After"))) {
								refused.incrementAndGet();
							}
							else {
								unexpected.add(response.status() + " "
										+ response.body().substring(0, Math.min(300, response.body().length())));
							}
						}
						catch (Exception ex) {
							unexpected.add(ex.toString());
						}
					}
				});
				thread.start();
				writers.add(thread);
			}
			for (Thread writer : writers) {
				writer.join();
			}

			assertThat(unexpected).isEmpty();
			assertThat(refused.get()).as("the disk filled").isGreaterThanOrEqualTo(50);
			assertThat(acknowledged).isNotEmpty();
			Response readiness = Http.get(application.baseUrl() + "/actuator/health/readiness", null);
			assertThat(readiness.status()).isEqualTo(503);
			assertThat(readiness.body()).isEqualTo("""
					{"status":"DOWN"}""");
			String log = application.output();
			assertThat(log.split("The database did not answer: readiness is DOWN", -1)).hasSize(2);
			assertThat(log.lines().filter((line) -> line.startsWith("\tat "))).as(log).isEmpty();
			assertThat(log.lines().filter((line) -> line.contains(" WARN ") || line.contains(" ERROR "))).as(log)
				.hasSizeLessThanOrEqualTo(3);
		}

		try (ChildApplication restarted = ChildApplication.start(this.workingDirectory, environment)) {
			String authorization = restarted.administratorToken();
			for (Map.Entry<Integer, String> write : acknowledged.entrySet()) {
				Response stored = Http.get(restarted.baseUrl() + BASE + "/" + write.getKey(), authorization);
				assertThat(stored.status()).isEqualTo(200);
				assertThat(stored.json().get("Message").asString()).isEqualTo(write.getValue());
			}
		}
	}

}
