package io.notifications.recipes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JUnit 5 recipe of docs/embedded-testing.md: the server's jar started once for the
 * class in ephemeral mode on a free port, the fixtures restored before each test. Needs
 * only the JDK and JUnit; {@code notifications.jar} names the jar (set in the pom's
 * failsafe configuration).
 */
class NotificationsServerIT {

	static final String ADMIN = "admin@example.com";

	static final String PASSWORD = "secret";

	static final HttpClient http = HttpClient.newHttpClient();

	static Process server;

	static String baseUrl;

	@BeforeAll
	static void startServer() throws Exception {
		Path directory = Files.createTempDirectory("notifications");
		Path portFile = directory.resolve("port");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		server = new ProcessBuilder(java, "-jar", System.getProperty("notifications.jar"),
				"--spring.profiles.active=ephemeral", "--server.port=0",
				"--notifications.ephemeral.users=" + ADMIN + ":" + PASSWORD + ":Administrator",
				"--notifications.ephemeral.fixtures=src/test/resources/recipes/fixtures.json",
				"--notifications.ephemeral.port-file=" + portFile)
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("server.log").toFile())
			.start();
		// the port file appears once the server is ready: fixtures loaded, port bound
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!Files.exists(portFile)) {
			if (!server.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"The server did not start:\n" + Files.readString(directory.resolve("server.log")));
			}
			Thread.sleep(100);
		}
		baseUrl = "http://127.0.0.1:" + Files.readString(portFile).strip();
	}

	@AfterAll
	static void stopServer() throws InterruptedException {
		server.destroy();
		server.waitFor(30, TimeUnit.SECONDS);
	}

	@BeforeEach
	void restoreFixtures() throws Exception {
		HttpResponse<String> reset = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/ephemeral/reset"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes()))
			.POST(BodyPublishers.noBody())
			.build(), BodyHandlers.ofString());
		assertEquals(200, reset.statusCode(), reset.body());
	}

	@Test
	void updatesAFixtureWithABearerToken() throws Exception {
		String token = accessToken();
		HttpResponse<String> put = http.send(HttpRequest
			.newBuilder(URI.create(baseUrl + "/api/spaces/coworkernotifications"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(
					"""
							{"Id":7,"CoworkerId":5,"Message":"Your invoice is paid","NotificationType":"coworkerinvoice","EntityId":42}"""))
			.build(), BodyHandlers.ofString());
		assertEquals(200, put.statusCode(), put.body());
		assertTrue(put.body().contains("\"Message\":\"CoworkerNotification was successfully updated.\""), put.body());
	}

	@Test
	void eachTestStartsFromTheFixtures() throws Exception {
		HttpResponse<String> get = http
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/spaces/coworkernotifications/7"))
				.header("Authorization", "Bearer " + accessToken())
				.build(), BodyHandlers.ofString());
		assertEquals(200, get.statusCode(), get.body());
		assertTrue(get.body().contains("\"Message\":\"Your invoice is ready\""), get.body());
	}

	/** A token from /api/token, as Nexudus clients get one. */
	static String accessToken() throws IOException, InterruptedException {
		HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("grant_type=password&username=" + ADMIN + "&password=" + PASSWORD))
			.timeout(Duration.ofSeconds(30))
			.build(), BodyHandlers.ofString());
		Matcher accessToken = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body());
		assertTrue(accessToken.find(), token.body());
		return accessToken.group(1);
	}

}
