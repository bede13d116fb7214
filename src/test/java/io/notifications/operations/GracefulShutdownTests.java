package io.notifications.operations;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

import io.notifications.support.ChildApplication;
import io.notifications.support.EndToEnd;
import io.notifications.support.Http;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM, as a container runtime sends it, while a request is in flight: the server
 * waits for the request, answers it, commits it, and only then exits.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@EndToEnd
class GracefulShutdownTests {

	@TempDir
	Path workingDirectory;

	@Test
	void anInFlightRequestFinishesBeforeTheServerStops() throws Exception {
		int id;
		try (ChildApplication application = ChildApplication.start(this.workingDirectory,
				ChildApplication.administratorUnthrottled())) {
			String authorization = application.administratorToken();
			String url = application.baseUrl() + CrashDurabilityTests.BASE;
			Response created = Http.postJson(url, CrashDurabilityTests.body(null, 0, 0), authorization);
			id = created.json().get("Value").get("Id").asInt();
			byte[] body = CrashDurabilityTests.body(id, 0, 1).getBytes(StandardCharsets.UTF_8);

			SubmissionPublisher<ByteBuffer> slowBody = new SubmissionPublisher<>();
			CompletableFuture<Response> inFlight = CompletableFuture.supplyAsync(() -> {
				try {
					return Http.send("PUT", url, "application/json", BodyPublishers.fromPublisher(slowBody),
							authorization);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			// a publisher drops what it gets before the client subscribes
			while (slowBody.getNumberOfSubscribers() == 0) {
				Thread.sleep(10);
			}
			slowBody.submit(ByteBuffer.wrap(body, 0, body.length / 2));
			// the server has the headers and reads the body: the request is being handled
			Thread.sleep(1000);
			application.terminate();
			application.awaitOutput("Commencing graceful shutdown", Duration.ofSeconds(30));
			Thread.sleep(1000);
			assertThat(application.output()).doesNotContain("Graceful shutdown complete");
			slowBody.submit(ByteBuffer.wrap(body, body.length / 2, body.length - body.length / 2));
			slowBody.close();

			Response response = inFlight.get(30, TimeUnit.SECONDS);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(application.awaitExit()).isEqualTo(143);
			assertThat(application.output()).contains("Graceful shutdown complete");
		}
		// the update was committed before the process exited
		try (Connection connection = DriverManager.getConnection(
				"jdbc:h2:file:" + this.workingDirectory.resolve("data/notifications") + ";ACCESS_MODE_DATA=r", "sa",
				"");
				PreparedStatement query = connection
					.prepareStatement("SELECT message FROM coworker_notifications WHERE id = ?")) {
			query.setInt(1, id);
			try (ResultSet result = query.executeQuery()) {
				assertThat(result.next()).isTrue();
				assertThat(result.getString(1)).isEqualTo("writer 0 update 1");
			}
		}
	}

}
