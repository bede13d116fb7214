package io.notifications.docs;

import io.notifications.support.EndToEnd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The README's walkthrough, run as written so that it cannot drift from the server.
 * <p>
 * A runnable step is a {@code ```bash} block followed by a line {@code Expected:} and a
 * fenced block with its output. The steps run in order, verbatim, in one {@code bash}
 * process per pass, with {@code BASE} set to this test's server (the README sets it to
 * {@code http://localhost:8080} in a block of its own). In the expected output,
 * {@code ...} stands for any text within a line, and ids, UUIDs and times are masked on
 * both sides. The server has the user that the README's "Configure a user" block exports,
 * and the walkthrough runs twice on it, as a reader may run it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EndToEnd
class ReadmeWalkthroughTests {

	private static final Path README = Path.of("README.md");

	private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");

	private static final Pattern USER_EXPORT = Pattern
		.compile("^export NOTIFICATIONS_SECURITY_USERS_0_(EMAIL|PASSWORD|ROLES)=('?)(.*)\\2$");

	private static final Pattern ID = Pattern.compile("\"Id\":\\d+");

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern TIME = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?");

	private static final String ELISION = "...";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void readmeUser(DynamicPropertyRegistry registry) throws IOException {
		Path data = Path.of("target", "readme-walkthrough-" + UUID.randomUUID(), "data");
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:readme-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		registry.add("notifications.security.token.key-location",
				() -> "file:" + data.resolve("token-signing-key.json").toAbsolutePath());
		registry.add("notifications.security.generated-password-location",
				() -> "file:" + data.resolve("generated-password").toAbsolutePath());
		Map<String, String> user = readmeUser();
		assertThat(user).as("the README's user, exported as NOTIFICATIONS_SECURITY_USERS_0_*")
			.containsOnlyKeys("EMAIL", "PASSWORD", "ROLES");
		user.forEach((name, value) -> registry.add("notifications.security.users[0]." + name.toLowerCase(Locale.ROOT),
				() -> value));
	}

	@Test
	void readmeIsAtMostEightKilobytes() throws IOException {
		assertThat(Files.size(README)).isLessThanOrEqualTo(8192);
	}

	@Test
	void everyWalkthroughStepAnswersAsTheReadmeShowsTwiceInARow() throws Exception {
		assumeThat(onPath("bash") && onPath("curl") && onPath("jq"))
			.as("the README walkthrough needs bash, curl and jq on the PATH (.ci/run installs them); skipped")
			.isTrue();
		List<Step> steps = steps(Files.readAllLines(README, StandardCharsets.UTF_8));
		assertThat(steps).as("runnable steps in README.md").hasSizeGreaterThanOrEqualTo(5);

		for (int pass = 1; pass <= 2; pass++) {
			List<String> outputs = run(steps);
			for (int i = 0; i < steps.size(); i++) {
				Step step = steps.get(i);
				assertThat(masked(outputs.get(i)))
					.as("pass %d, the README step at line %d:%n%s%nanswered%n%s%n", pass, step.line(), step.script(),
							outputs.get(i))
					.matches(expectation(step.expected()));
			}
		}
	}

	/**
	 * Runs the steps in one shell, as a reader would in one terminal, and splits the
	 * output by step.
	 */
	private List<String> run(List<Step> steps) throws IOException, InterruptedException {
		String marker = "@@step-" + UUID.randomUUID() + "@@";
		StringBuilder script = new StringBuilder("BASE=http://localhost:" + this.port + "\n");
		for (Step step : steps) {
			script.append("printf '\\n%s\\n' '").append(marker).append("'\n").append(step.script()).append('\n');
		}
		Path file = Files.createTempFile("readme-walkthrough", ".sh");
		try {
			Files.writeString(file, script);
			Process bash = new ProcessBuilder("bash", "--noprofile", "--norc", file.toString())
				.redirectErrorStream(true)
				.start();
			bash.getOutputStream().close();
			String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!bash.waitFor(60, TimeUnit.SECONDS)) {
				bash.destroyForcibly();
				throw new IllegalStateException("The walkthrough did not finish:\n" + output);
			}
			String[] parts = output.split(Pattern.quote(marker), -1);
			assertThat(parts).as("output of every step:%n%s", output).hasSize(steps.size() + 1);
			List<String> outputs = new ArrayList<>();
			for (int i = 1; i < parts.length; i++) {
				outputs.add(parts[i].strip());
			}
			return outputs;
		}
		finally {
			Files.delete(file);
		}
	}

	/**
	 * The runnable steps: each {@code bash} block followed by {@code Expected:} and its
	 * output block.
	 */
	static List<Step> steps(List<String> lines) {
		List<Step> steps = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			Matcher fence = FENCE.matcher(lines.get(i));
			if (!fence.matches() || fence.group(1).isEmpty()) {
				i++;
				continue;
			}
			int start = i;
			int end = closingFence(lines, start);
			int next = end + 1;
			while (next < lines.size() && lines.get(next).isBlank()) {
				next++;
			}
			if (fence.group(1).equals("bash") && next < lines.size() && lines.get(next).equals("Expected:")) {
				int expectedStart = next + 1;
				assertThat(lines.get(expectedStart)).as("the block after Expected: at line %d", expectedStart + 1)
					.matches(FENCE.pattern());
				int expectedEnd = closingFence(lines, expectedStart);
				steps.add(new Step(start + 1, String.join("\n", lines.subList(start + 1, end)),
						String.join("\n", lines.subList(expectedStart + 1, expectedEnd))));
				i = expectedEnd + 1;
			}
			else {
				i = end + 1;
			}
		}
		return steps;
	}

	private static int closingFence(List<String> lines, int opening) {
		for (int i = opening + 1; i < lines.size(); i++) {
			if (lines.get(i).equals("```")) {
				return i;
			}
		}
		throw new IllegalStateException("README.md: the block at line " + (opening + 1) + " is never closed");
	}

	/**
	 * The expected output as a pattern: {@code ...} is any text within a line, the rest
	 * literal.
	 */
	static String expectation(String text) {
		String expected = text.strip();
		StringBuilder pattern = new StringBuilder();
		int from = 0;
		int elision;
		while ((elision = expected.indexOf(ELISION, from)) >= 0) {
			pattern.append(Pattern.quote(masked(expected.substring(from, elision)))).append(".*?");
			from = elision + ELISION.length();
		}
		return pattern.append(Pattern.quote(masked(expected.substring(from).strip()))).toString();
	}

	/** Ids, UUIDs and times as placeholders: they differ from run to run. */
	static String masked(String text) {
		String masked = ID.matcher(text).replaceAll("\"Id\":<id>");
		masked = UUID_TEXT.matcher(masked).replaceAll("<uuid>");
		return TIME.matcher(masked).replaceAll("<time>");
	}

	private static Map<String, String> readmeUser() throws IOException {
		Map<String, String> user = new LinkedHashMap<>();
		for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
			Matcher export = USER_EXPORT.matcher(line);
			if (export.matches()) {
				user.put(export.group(1), export.group(3));
			}
		}
		return user;
	}

	private static boolean onPath(String command) throws IOException, InterruptedException {
		Process which = new ProcessBuilder("sh", "-c", "command -v " + command).redirectErrorStream(true).start();
		which.getInputStream().readAllBytes();
		return which.waitFor() == 0;
	}

	/** A README step: where its block starts, its commands and the output it shows. */
	record Step(int line, String script, String expected) {
	}

}
