package io.notifications.testing;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** For the tests that start the real server: skipped without its jar, unless the build says it must be there. */
final class RealServer {

	private RealServer() {
	}

	static void assumeJar() {
		boolean present = Files.isRegularFile(ServerOptions.setting("notifications.jar", "NOTIFICATIONS_JAR")
			.map(java.nio.file.Path::of)
			.orElseGet(ServerOptions::jarInLocalRepository));
		if (!present && Boolean.getBoolean("notifications.jar.required")) {
			throw new IllegalStateException("The server jar is required here but missing: " + ServerOptions.jarInLocalRepository());
		}
		assumeTrue(present, "No server jar at " + ServerOptions.jarInLocalRepository()
				+ " (./mvnw install of the server puts it there): the tests with the real server are skipped");
	}

}
