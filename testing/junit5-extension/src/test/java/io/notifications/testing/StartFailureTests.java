package io.notifications.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server that did not start says why on the first line, which a build's summary shows. */
class StartFailureTests {

	@Test
	void theFailureAnalysisIsTheReason() {
		List<String> log = List.of("2026-12-06T22:39:48.100Z  INFO 13810 --- [notifications] [main] ... Starting",
				"Error starting ApplicationContext. To display the condition evaluation report re-run your application with 'debug' enabled.",
				"2026-12-06T22:39:48.414Z ERROR 13810 --- [notifications] [main] o.s.b.d.LoggingFailureAnalysisReporter   : ", "",
				"***************************", "APPLICATION FAILED TO START", "***************************", "", "Description:", "",
				"Cannot read the fixtures of notifications.ephemeral.fixtures (file [/nonexistent.json]): /nonexistent.json", "",
				"Action:", "", "Correct the setting named above (docs/embedded-testing.md); nothing was loaded.", "");

		assertEquals(": Cannot read the fixtures of notifications.ephemeral.fixtures (file [/nonexistent.json]): /nonexistent.json"
				+ " Action: Correct the setting named above (docs/embedded-testing.md); nothing was loaded.", ServerProcess.reason(log));
	}

	@Test
	void withoutAnAnalysisTheLogSaysIt() {
		assertEquals("", ServerProcess.reason(List.of("Error: Unable to access jarfile x.jar")));
	}

	/**
	 * Every test of the run fails with it: the log's last lines come once, without the JVM's
	 * lines about the archive it records, which may follow the failure by the hundred.
	 */
	@Test
	@DisabledOnOs(OS.WINDOWS) // the JVM here is a shell script
	void aFailedStartIsReportedWholeOnceAndInOneLineAfter(@TempDir Path directory) throws IOException {
		Path home = Files.createDirectories(directory.resolve("jdk/bin")).getParent();
		Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
		Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\nprintf '%s\\n' Starting "
				+ "'APPLICATION FAILED TO START' '' 'Description:' '' 'The role Admin grants nothing here'\n"
				+ "i=0; while [ $i -lt 120 ]; do echo \"[warning][cds] Preload Warning: Verification failed for C$i\"; "
				+ "echo \"[0.9s][info][cds,dynamic] Dumping C$i\"; i=$((i+1)); done\nexit 1\n");
		assertTrue(java.toFile().setExecutable(true));
		NotificationsExtension.Builder builder = NotificationsExtension.builder()
			.jar(Files.writeString(directory.resolve("notifications.jar"), "jar"))
			.java(java)
			.archive(false)
			.cacheDirectory(directory.resolve("cache"));
		try (NotificationsExtension.RunningServer server = NotificationsExtension.RunningServer.start(builder.options())) {
			RuntimeException first = assertThrows(RuntimeException.class, server::orThrow);
			RuntimeException then = assertThrows(RuntimeException.class, server::orThrow);

			String firstLine = first.getMessage().lines().findFirst().orElseThrow();
			assertTrue(firstLine.startsWith("The notifications server did not start (exit code 1; log: "), firstLine);
			assertTrue(firstLine.endsWith("): The role Admin grants nothing here:"), firstLine);
			assertTrue(first.getMessage().contains("\nStarting\nAPPLICATION FAILED TO START\n"), first.getMessage());
			assertTrue(!first.getMessage().contains("[cds"), first.getMessage());
			assertEquals(firstLine.substring(0, firstLine.length() - 1)
					+ " (the server's last log lines are in the first failure)", then.getMessage());
		}
	}

}
