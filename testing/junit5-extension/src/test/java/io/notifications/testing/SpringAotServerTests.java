package io.notifications.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A property that adds beans (rate limits, off in ephemeral mode) starts the real server without
 * the bean definitions its build worked out, and takes effect; under them it would be ignored.
 */
class SpringAotServerTests {

	@TempDir
	Path cache;

	@BeforeAll
	static void needsTheJar() {
		RealServer.assumeJar();
	}

	@Test
	void aPropertyThatAddsBeansStartsTheServerWithoutThemAndTakesEffect() throws Exception {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		ServerOptions options = new ServerOptions(List.of(), null, null, null,
				Map.of("notifications.rate-limit.enabled", "true", "notifications.rate-limit.requests-per-minute", "2"),
				List.of(), null, null, this.cache, false, null);
		try (ServerProcess server = ServerProcess.start(options,
				new PrintStream(output, true, StandardCharsets.UTF_8))) {
			assertTrue(output.toString(StandardCharsets.UTF_8)
				.contains("Spring AOT: off, the property notifications.rate-limit."), output.toString(StandardCharsets.UTF_8));
			String log = Files.readString(server.log());
			assertFalse(log.contains("AOT-processed"), log);
			HttpClient http = HttpClient.newHttpClient();
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				statuses.add(http
					.send(HttpRequest.newBuilder(server.baseUrl().resolve("/api/spaces/coworkernotifications")).build(),
							BodyHandlers.discarding())
					.statusCode());
			}
			assertEquals(List.of(401, 401, 429), statuses);
		}
	}

}
