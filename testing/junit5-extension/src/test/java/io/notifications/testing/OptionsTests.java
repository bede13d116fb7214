package io.notifications.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTests {

	@TempDir
	Path directory;

	@Test
	void readsUsersAsTheServerDoes() {
		assertEquals(new ServerOptions.User("a@example.com", "pa:ss", List.of("Administrator", "CoworkerNotification-Read")),
				ServerOptions.User.parse("a@example.com:pa:ss:Administrator+CoworkerNotification-Read"));
		assertEquals(new ServerOptions.User("viewer@example.com", "pw", List.of()), ServerOptions.User.parse("viewer@example.com:pw:"));
		assertThrows(IllegalArgumentException.class, () -> ServerOptions.User.parse("a@example.com:secret"));
		// the server reads a password without an encoding as {noop}: one that starts with { too
		assertEquals("a@example.com:{noop}pa:ss:Administrator", ServerOptions.User.parse("a@example.com:pa:ss:Administrator").line());
	}

	@Test
	void signsInWithThePasswordItself() {
		assertEquals("secret", ServerOptions.User.parse("a@example.com:{noop}secret:Administrator").password());
		assertEquals("{curly}", ServerOptions.User.parse("a@example.com:{noop}{curly}:Administrator").password());
		assertEquals("a@example.com:{noop}{curly}:Administrator",
				ServerOptions.User.parse("a@example.com:{noop}{curly}:Administrator").line());
		IllegalArgumentException encoded = assertThrows(IllegalArgumentException.class,
				() -> new ServerOptions.User("a@example.com", "{bcrypt}$2a$10$abc", List.of("Administrator")));
		assertEquals("The password of a@example.com starts with an encoding ({bcrypt}): the harness signs in as its users,"
				+ " so give the password itself (a password that starts with { as {noop}{...)", encoded.getMessage());
		assertEquals("The password of a@example.com is empty", assertThrows(IllegalArgumentException.class,
				() -> new ServerOptions.User("a@example.com", "", List.of("Administrator"))).getMessage());
	}

	@Test
	void aPropertyGivenReplacesTheHarnessesOwn() throws IOException {
		JavaRuntime java = new JavaRuntime(Path.of("/opt/java17/bin/java"), 17, "17.0.15+6");
		ServerOptions options = new ServerOptions(List.of(), null, "2025-01-15T10:30:00Z", null,
				Map.of("server.port", "19400", "notifications.ephemeral.clock", "2026-01-01T00:00:00Z",
						"spring.profiles.active", "mine", "logging.level.root", "WARN"),
				List.of(), null, null, null, null, null);
		List<String> command = ServerProcess.command(options, java,
				ClassDataArchive.Launch.off(this.directory.resolve("notifications-1.0.jar")), false, this.directory);
		assertEquals(List.of("--server.port=19400"), named(command, "--server.port="));
		assertEquals(List.of("--notifications.ephemeral.clock=2026-01-01T00:00:00Z"),
				named(command, "--notifications.ephemeral.clock="));
		assertEquals(List.of("--spring.profiles.active=ephemeral,mine"), named(command, "--spring.profiles.active="));
		// the ready line is logged whatever the level of the rest
		assertEquals(List.of("--logging.level.root=WARN"), named(command, "--logging.level.root="));
		assertEquals(List.of("--logging.level.io.notifications.ephemeral.ReadyLine=INFO"),
				named(command, "--logging.level.io.notifications.ephemeral.ReadyLine="));
	}

	@Test
	void eachTestJvmLogsToItsOwnFileAndThoseOfEndedOnesGo() throws IOException {
		Path log = ServerProcess.log(this.directory, "abcd1234");
		assertEquals("server-abcd1234-" + ProcessHandle.current().pid() + ".log", log.getFileName().toString());
		Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertEquals(0, waitFor(ended));
		Path endedLog = Files.writeString(this.directory.resolve("server-abcd1234-" + ended.pid() + ".log"), "old");
		Path liveLog = Files.writeString(this.directory.resolve("server-abcd1234-" + ProcessHandle.current().parent()
			.orElseThrow()
			.pid() + ".log"), "another JVM's");
		ServerProcess.log(this.directory, "abcd1234");
		assertTrue(!Files.exists(endedLog));
		assertTrue(Files.exists(liveLog));
	}

	@NotificationsServer(clock = "yesterday")
	static class Yesterday {

	}

	@NotificationsServer(seed = "forty-two")
	static class Unseeded {

	}

	@Test
	void anAnnotationValueThatCannotBeReadIsNamed() {
		assertEquals("@NotificationsServer(clock) is an ISO-8601 instant such as 2025-01-15T10:30:00Z, not yesterday",
				assertThrows(ExtensionConfigurationException.class,
						() -> NotificationsExtension.options(Yesterday.class.getAnnotation(NotificationsServer.class)))
					.getMessage());
		assertEquals("@NotificationsServer(seed) is a whole number, not forty-two",
				assertThrows(ExtensionConfigurationException.class,
						() -> NotificationsExtension.options(Unseeded.class.getAnnotation(NotificationsServer.class)))
					.getMessage());
	}

	private static int waitFor(Process process) {
		try {
			return process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> named(List<String> command, String prefix) {
		return command.stream().filter((argument) -> argument.startsWith(prefix)).toList();
	}

	@Test
	void neverPrintsPasswords() {
		ServerOptions options = options(List.of(ServerOptions.User.parse("a@example.com:hunter2:Administrator")));
		assertTrue(!options.identity().contains("hunter2"));
		assertTrue(!ServerOptions.User.parse("a@example.com:hunter2:Administrator").toString().contains("hunter2"));
	}

	@Test
	void hasOneAdministratorByDefault() {
		ServerOptions options = options(List.of());
		assertEquals("admin@example.com", options.administrator().email());
		assertEquals("secret", options.administrator().password());
	}

	@Test
	void steersAsTheFirstAdministrator() {
		ServerOptions options = options(List.of(ServerOptions.User.parse("r@example.com:p:CoworkerNotification-Read"),
				ServerOptions.User.parse("b@example.com:p:Administrator")));
		assertEquals("b@example.com", options.administrator().email());
		assertThrows(IllegalStateException.class,
				() -> options(List.of(ServerOptions.User.parse("r@example.com:p:CoworkerNotification-Read"))).administrator());
	}

	@Test
	void looksForItsOwnVersionInTheLocalRepository() {
		String version = ServerOptions.version();
		assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
		String previous = System.getProperty("maven.repo.local");
		System.setProperty("maven.repo.local", "/repo");
		try {
			assertEquals(Path.of("/repo/io/notifications/notifications/" + version + "/notifications-" + version + ".jar"),
					ServerOptions.jarInLocalRepository());
		}
		finally {
			if (previous != null) {
				System.setProperty("maven.repo.local", previous);
			}
			else {
				System.clearProperty("maven.repo.local");
			}
		}
	}

	@Test
	void aMissingJarSaysHowToGetOne() {
		ServerOptions options = new ServerOptions(List.of(), null, null, null, Map.of(), List.of(),
				this.directory.resolve("none.jar"), null, null, null, null);
		IllegalStateException error = assertThrows(IllegalStateException.class, options::resolveJar);
		assertTrue(error.getMessage().contains("./mvnw install"), error.getMessage());
		assertTrue(error.getMessage().contains("NOTIFICATIONS_JAR"), error.getMessage());
	}

	@Test
	void tellsJavaVersions() throws IOException {
		assertEquals(17, JavaRuntime.feature("17.0.15"));
		assertEquals(25, JavaRuntime.feature("25"));
		assertEquals(8, JavaRuntime.feature("1.8.0_402"));
		assertEquals(21, JavaRuntime.feature("21-ea"));
		JavaRuntime self = JavaRuntime.of(Path.of(System.getProperty("java.home"), "bin", "java"));
		assertEquals(Runtime.version().feature(), self.feature());
	}

	@Test
	void keysTheArchiveByTheJarTheJavaAndTheJvmArguments() throws IOException {
		Path jar = Files.writeString(this.directory.resolve("notifications-0.1.0-SNAPSHOT.jar"), "jar");
		JavaRuntime java = JavaRuntime.of(Path.of(System.getProperty("java.home"), "bin", "java"));
		String key = ClassDataArchive.key(jar, java, List.of());
		assertEquals(key, ClassDataArchive.key(jar, java, List.of()));
		assertNotEquals(key, ClassDataArchive.key(jar, java, List.of("-Xmx256m")));
		assertNotEquals(key, ClassDataArchive.key(jar, new JavaRuntime(java.executable(), 99, "99.0.1+1"), List.of()));
		Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
		assertNotEquals(key, ClassDataArchive.key(jar, java, List.of()));
	}

	@Test
	void runsTheServerWithC1OnlyUnlessTheJvmArgumentsSayOtherwise() throws IOException {
		ServerOptions options = new ServerOptions(List.of(), null, null, null, Map.of(), List.of("-XX:TieredStopAtLevel=4"),
				null, null, null, null, null);
		JavaRuntime java = new JavaRuntime(Path.of("/opt/java17/bin/java"), 17, "17.0.15+6");
		List<String> command = ServerProcess.command(options, java,
				ClassDataArchive.Launch.off(this.directory.resolve("notifications-1.0.jar")), false, this.directory);
		assertEquals(List.of("/opt/java17/bin/java", "-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4", "-jar"),
				command.subList(0, 4));
	}

	@Test
	void keepsTheSigningKeyBesideTheArchiveUnlessTheUserNamesOne() throws IOException {
		JavaRuntime java = new JavaRuntime(Path.of("/opt/java17/bin/java"), 17, "17.0.15+6");
		Path jar = this.directory.resolve("notifications-1.0.jar");
		ClassDataArchive.Launch archived = new ClassDataArchive.Launch(ClassDataArchive.Mode.USING, jar, List.of(),
				this.directory.resolve("cache").resolve("app.jsa"), null, null, null);
		assertTrue(ServerProcess.command(options(List.of()), java, archived, false, this.directory)
			.contains("--notifications.ephemeral.signing-key=" + this.directory.resolve("cache").resolve("signing-key.json")));
		assertTrue(ServerProcess.command(options(List.of()), java, ClassDataArchive.Launch.off(jar), false, this.directory)
			.stream()
			.noneMatch((argument) -> argument.contains("signing-key")));
		ServerOptions naming = new ServerOptions(List.of(), null, null, null,
				Map.of("notifications.ephemeral.signing-key", "/keys/mine.json"), List.of(), null, null, null, null, null);
		assertEquals(List.of("--notifications.ephemeral.signing-key=/keys/mine.json"),
				ServerProcess.command(naming, java, archived, false, this.directory)
					.stream()
					.filter((argument) -> argument.contains("signing-key"))
					.toList());
	}

	private static ServerOptions options(List<ServerOptions.User> users) {
		return new ServerOptions(users, null, null, null, Map.of(), List.of(), null, null, null, null, null);
	}

}
