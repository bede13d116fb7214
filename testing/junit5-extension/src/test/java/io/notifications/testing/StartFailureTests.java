package io.notifications.testing;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

}
