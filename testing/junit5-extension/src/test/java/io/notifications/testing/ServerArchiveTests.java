package io.notifications.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast second start with the real server on this JVM's Java: the first start records a
 * class-data archive (CDS before Java 25, the AOT cache from 25), written at the graceful stop; the
 * second uses it.
 */
class ServerArchiveTests {

	@TempDir
	Path cache;

	@BeforeAll
	static void needsTheJar() {
		RealServer.assumeJar();
	}

	@Test
	void theSecondStartUsesTheArchiveOfTheFirst() throws Exception {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
		ServerOptions options = new ServerOptions(List.of(), "src/test/resources/fixtures.json", null, null, Map.of(),
				List.of(), null, null, this.cache, true, null);

		ServerProcess first = ServerProcess.start(options, out);
		try {
			assertEquals(ClassDataArchive.Mode.RECORDING, first.archiveMode(), output.toString(StandardCharsets.UTF_8));
			use(first);
		}
		finally {
			assertTrue(first.stop(), "the archive is written at the graceful stop: " + output.toString(StandardCharsets.UTF_8)
					+ "\n" + Files.readString(first.log()));
		}
		String archive = (Runtime.version().feature() >= 25) ? "app.aot" : "app.jsa";
		try (var directories = Files.list(this.cache)) {
			assertTrue(directories.filter(Files::isDirectory).anyMatch((directory) -> Files.isRegularFile(directory.resolve(archive))
					&& Files.isRegularFile(directory.resolve("app").resolve(options.resolveJar().getFileName()))));
		}

		ServerProcess second = ServerProcess.start(options, out);
		try {
			assertEquals(ClassDataArchive.Mode.USING, second.archiveMode());
			use(second);
			System.out.printf("first start %.1f s, second start %.1f s (Java %d)%n", first.startTime().toMillis() / 1000.0,
					second.startTime().toMillis() / 1000.0, Runtime.version().feature());
		}
		finally {
			second.stop();
		}
		String log = Files.readString(second.log());
		assertTrue(!log.contains("Unable to use shared archive") && !log.contains("Unable to map"), log);
	}

	/** A reset and a token, as a test run starts. */
	private static void use(ServerProcess server) {
		ServerConnection connection = new ServerConnection(server.baseUrl(), "admin@example.com", "secret");
		connection.reset();
		assertTrue(connection.token("admin@example.com", "secret").startsWith("eyJ"));
	}

}
