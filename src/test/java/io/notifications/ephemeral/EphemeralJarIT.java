package io.notifications.ephemeral;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.notifications.persistence.UniqueIds;
import io.notifications.support.Http;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.notifications.support.Envelopes.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar in ephemeral mode, as another team's test suite starts it: fixtures, port
 * 0, the port read from the ready line; it answers a token and a PUT, has no rate limit,
 * a reset restores the fixture exactly, and neither its working directory nor its
 * temporary directory holds a file once it has stopped (Tomcat's scratch directories live
 * in the latter while it runs).
 */
class EphemeralJarIT {

	static final Pattern READY = Pattern.compile("notifications\\.ready port=(\\d+) url=(\\S+)");

	static final Path FIXTURES = Path.of("src/test/resources/recipes/fixtures.json").toAbsolutePath();

	static final String USERS = "--notifications.ephemeral.users=admin@example.com:secret:Administrator";

	static final String ADMIN_BASIC = "Basic "
			+ Base64.getEncoder().encodeToString("admin@example.com:secret".getBytes(StandardCharsets.UTF_8));

	@TempDir
	Path directory;

	@Test
	void startsFromTheFixturesWritesNoFileAndResetRestoresThemExactly() throws Exception {
		Path workingDirectory = Files.createDirectory(this.directory.resolve("work"));
		Path temporary = Files.createDirectory(this.directory.resolve("tmp"));
		Path log = this.directory.resolve("server.log");
		Process server = start(workingDirectory, temporary, log, USERS,
				"--notifications.ephemeral.fixtures=" + FIXTURES);
		try {
			String base = awaitReady(server, log);
			assertThat(base).matches("http://127\\.0\\.0\\.1:\\d+");
			String bearer = "Bearer " + Http
				.postForm(base + "/api/token", "grant_type=password&username=admin@example.com&password=secret")
				.json()
				.get("access_token")
				.asString();
			String fixture = Http.get(base + "/api/spaces/coworkernotifications/7", bearer).body();
			assertThat(fixture).startsWith("""
					{"Id":7,"CoworkerId":5,"Message":"Your invoice is ready\"""").contains("""
					"UniqueId":"3f8a4c1e-2b7d-4e9a-9c1f-5d6e7a8b9c0d","CreatedOn":"2025-01-15T10:30:00Z\"""");
			String systemFixtures = Http.get(base + "/api/sys/systemnotifications", bearer).body();

			Response put = Http.putJson(base + "/api/spaces/coworkernotifications",
					"""
							{"Id":7,"CoworkerId":5,"Message":"Your invoice is paid","NotificationType":"coworkerinvoice","EntityId":42}""",
					bearer);
			assertThat(put.body()).isEqualTo(success("CoworkerNotification was successfully updated.", """
					{"Id":7}""", put.json().get("UpdatedOn").asString(), "admin@example.com"));
			// more writes than a minute's default rate limit (60) allows: ephemeral mode
			// has none
			for (int i = 0; i < 65; i++) {
				Response created = Http.postJson(base + "/api/sys/systemnotifications", """
						{"Title":"New","Severity":1,"StartTime":"2025-03-01T00:00:00Z","ShortDescription":"S",\
						"Description":"D","MessageType":1}""", bearer);
				assertThat(created.status()).as(created.body()).isEqualTo(200);
				assertThat(created.json().get("Value").get("Id").asInt()).isEqualTo(4 + i);
			}

			Response reset = Http.send("POST", base + "/ephemeral/reset", null, BodyPublishers.noBody(), ADMIN_BASIC);
			assertThat(reset.status()).as(reset.body()).isEqualTo(200);
			assertThat(Http.get(base + "/api/spaces/coworkernotifications/7", bearer).body()).isEqualTo(fixture);
			assertThat(Http.get(base + "/api/sys/systemnotifications", bearer).body()).isEqualTo(systemFixtures);
			assertThat(filesIn(workingDirectory)).isEmpty();
		}
		finally {
			server.destroy();
			assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(filesIn(workingDirectory)).isEmpty();
		assertThat(filesIn(temporary)).isEmpty();
	}

	@Test
	void aClockAndASeedGivenAtStartMakeTheRunRepeatable() throws Exception {
		Path log = this.directory.resolve("server.log");
		// a quiet log still says when the server is ready (awaitReady reads that line)
		Process server = start(this.directory, this.directory, log, USERS,
				"--notifications.ephemeral.clock=2025-01-15T10:30:00Z", "--notifications.ephemeral.seed=7",
				"--logging.level.root=WARN");
		try {
			String base = awaitReady(server, log);
			assertThat(Http.get(base + "/ephemeral/clock", ADMIN_BASIC).body())
				.isEqualTo("{\"Now\":\"2025-01-15T10:30:00Z\",\"Fixed\":true}");
			Response created = Http.postJson(base + "/api/spaces/coworkernotifications", """
					{"CoworkerId":5,"Message":"New","NotificationType":"blog","EntityId":1}""", ADMIN_BASIC);
			assertThat(created.json().get("Value").get("CreatedOn").asString()).isEqualTo("2025-01-15T10:30:00Z");
			assertThat(created.json().get("Value").get("UniqueId").asString())
				.isEqualTo(UniqueIds.seeded(7).next().toString());
			Response journal = Http.get(base + "/ephemeral/requests?method=POST", ADMIN_BASIC);
			assertThat(journal.json().get("Records").get(0).get("Time").asString()).isEqualTo("2025-01-15T10:30:00Z");
		}
		finally {
			server.destroy();
			assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void aSigningKeyFileIsWrittenByTheFirstStartAndKeptByTheNext() throws Exception {
		Path key = this.directory.resolve("cache").resolve("signing-key.json");
		String token;
		Path firstLog = this.directory.resolve("first.log");
		Process first = start(this.directory, this.directory, firstLog, USERS,
				"--notifications.ephemeral.signing-key=" + key);
		try {
			String base = awaitReady(first, firstLog);
			token = Http.postForm(base + "/api/token", "grant_type=password&username=admin@example.com&password=secret")
				.json()
				.get("access_token")
				.asString();
		}
		finally {
			first.destroy();
			assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		String written = Files.readString(key);
		assertThat(written).contains("\"kty\":\"RSA\"", "\"d\":");
		assertThat(Files.getPosixFilePermissions(key)).containsOnly(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);

		Path secondLog = this.directory.resolve("second.log");
		Process second = start(this.directory, this.directory, secondLog, USERS,
				"--notifications.ephemeral.signing-key=" + key);
		try {
			String base = awaitReady(second, secondLog);
			// the first run's token: the same key signs and verifies
			Response list = Http.get(base + "/api/spaces/coworkernotifications", "Bearer " + token);
			assertThat(list.status()).as(list.body()).isEqualTo(200);
		}
		finally {
			second.destroy();
			assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(Files.readString(key)).isEqualTo(written);
		assertThat(Files.readString(firstLog)).contains("Generated a new token signing key at " + key);
		assertThat(Files.readString(secondLog)).doesNotContain("Generated a new token signing key");
	}

	@Test
	void aSigningKeyFileThatCannotBeReadOrWrittenStopsTheJarWithOneMessage() throws Exception {
		Path corrupt = Files.writeString(this.directory.resolve("corrupt-key.json"), "{\"keys\":[");
		Path underAFile = Files.writeString(this.directory.resolve("a-file"), "").resolve("key.json");
		assertThat(failedStart("--notifications.ephemeral.signing-key=" + corrupt)).contains(
				"notifications.ephemeral.signing-key: Cannot read the token signing key at file [" + corrupt + "]");
		assertThat(failedStart("--notifications.ephemeral.signing-key=" + underAFile))
			.contains("notifications.ephemeral.signing-key: Cannot generate the token signing key at " + underAFile);
	}

	/**
	 * The description of Boot's short report of a start that failed, which has no stack
	 * trace.
	 */
	private String failedStart(String argument) throws Exception {
		Path log = Files.createTempFile(this.directory, "server", ".log");
		Process server = start(this.directory, this.directory, log, USERS, argument);
		assertThat(server.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(server.exitValue()).isNotZero();
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain("\tat ");
		return output.substring(output.indexOf("Description:"));
	}

	@Test
	void anInvalidFixtureStopsTheJarWithOneMessage() throws Exception {
		Path fixtures = Files.writeString(this.directory.resolve("fixtures.json"),
				"""
						{"coworkernotifications":[{"Id":7,"CoworkerId":-5,"Message":"Ready","NotificationType":"blog","EntityId":1}]}""");
		Path log = this.directory.resolve("server.log");
		Process server = start(this.directory, this.directory, log, USERS,
				"--notifications.ephemeral.fixtures=" + fixtures);
		assertThat(server.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(server.exitValue()).isNotZero();
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:" + System.lineSeparator() + System.lineSeparator() + "Invalid fixture "
					+ "coworkernotifications[0] (Id 7) in notifications.ephemeral.fixtures (file [" + fixtures
					+ "]): CoworkerId: is not a valid value (-5)")
			.doesNotContain("\tat ");
	}

	static Process start(Path workingDirectory, Path temporary, Path log, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + temporary,
				"-jar", Path.of(System.getProperty("notifications.jar")).toAbsolutePath().toString(),
				"--spring.profiles.active=ephemeral", "--server.port=0"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("NOTIFICATIONS_"));
		return builder.start();
	}

	/** The base URL of the ready line. */
	static String awaitReady(Process server, Path log) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline && server.isAlive()) {
			Matcher ready = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
			if (ready.find()) {
				return ready.group(2);
			}
			Thread.sleep(100);
		}
		server.destroyForcibly();
		throw new IllegalStateException("No ready line:\n" + Files.readString(log, StandardCharsets.UTF_8));
	}

	private static List<Path> filesIn(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((path) -> !path.equals(directory)).toList();
		}
	}

}
