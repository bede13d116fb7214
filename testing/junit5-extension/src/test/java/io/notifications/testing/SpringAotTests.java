package io.notifications.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** When the server starts with the bean definitions its build worked out, and when without. */
class SpringAotTests {

	@TempDir
	Path directory;

	@Test
	void startsWithThemWhenOnlyEphemeralSettingsAndLoggingAreSet() throws IOException {
		Path jar = jar(SpringAot.INITIALIZER);
		assertNull(SpringAot.obstacle(options(Map.of(), List.of()), jar, Map.of()));
		assertNull(SpringAot.obstacle(
				options(Map.of("notifications.ephemeral.journal.size", "10", "logging.level.root", "DEBUG", "server.port",
						"19200"),
						List.of("-Xmx256m", "-XX:TieredStopAtLevel=4", "-Dlogging.level.io.notifications=TRACE")),
				jar, Map.of("PATH", "/usr/bin", "NOTIFICATIONS_JAR", "/tmp/n.jar", "NOTIFICATIONS_CACHE_DIR", "/tmp/c",
						"NOTIFICATIONS_EPHEMERAL_SEED", "7", "JAVA_TOOL_OPTIONS", "-Xss1m", "SERVER_PORT", "19200")));
	}

	@Test
	void startsWithoutThemWhenAnythingElseCouldChangeWhichBeansExist() throws IOException {
		Path jar = jar(SpringAot.INITIALIZER);
		assertEquals("the property notifications.rate-limit.enabled may change which beans exist", SpringAot
			.obstacle(options(Map.of("notifications.rate-limit.enabled", "true"), List.of()), jar, Map.of()));
		assertEquals("the JVM argument -Dspring.aot.enabled=...",
				SpringAot.obstacle(options(Map.of(), List.of("-Dspring.aot.enabled=false")), jar, Map.of()));
		assertEquals("the environment variable SPRING_DATASOURCE_URL may change which beans exist", SpringAot
			.obstacle(options(Map.of(), List.of()), jar, Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/n")));
		assertEquals("the environment variable NOTIFICATIONS_RATELIMIT_ENABLED may change which beans exist", SpringAot
			.obstacle(options(Map.of(), List.of()), jar, Map.of("NOTIFICATIONS_RATELIMIT_ENABLED", "true")));
		assertEquals("the environment variable JAVA_TOOL_OPTIONS sets system properties", SpringAot
			.obstacle(options(Map.of(), List.of()), jar, Map.of("JAVA_TOOL_OPTIONS", "-Dserver.address=0.0.0.0")));
	}

	@Test
	void startsWithoutThemFromAJarBuiltWithout() throws IOException {
		assertEquals("the jar was built without it", SpringAot.obstacle(options(Map.of(), List.of()),
				jar("BOOT-INF/classes/io/notifications/NotificationsApplication.class"), Map.of()));
		assertEquals("the jar was built without it", SpringAot.obstacle(options(Map.of(), List.of()),
				Files.writeString(this.directory.resolve("not-a.jar"), "not a zip"), Map.of()));
	}

	@Test
	void asksForThemAfterTheTestFlagsSoThatTheUsersFlagDecides() throws IOException {
		JavaRuntime java = new JavaRuntime(Path.of("/opt/java25/bin/java"), 25, "25.0.3+9");
		List<String> command = ServerProcess.command(options(Map.of(), List.of("-Xmx256m")), java,
				ClassDataArchive.Launch.off(this.directory.resolve("notifications-1.0.jar")), true, this.directory);
		assertEquals(List.of("/opt/java25/bin/java", "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true", "-Xmx256m",
				"-jar"), command.subList(0, 5));
	}

	private Path jar(String entry) throws IOException {
		Path jar = this.directory.resolve("notifications-" + Math.abs(entry.hashCode()) + ".jar");
		try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.closeEntry();
		}
		return jar;
	}

	private static ServerOptions options(Map<String, String> properties, List<String> jvmArgs) {
		return new ServerOptions(List.of(), null, null, null, properties, jvmArgs, null, null, null, null, null);
	}

}
