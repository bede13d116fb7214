package io.notifications.recipes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the pytest and Node recipes of docs/embedded-testing.md against the built jar,
 * each where its interpreter is installed (.ci/run installs both) and skipped with a
 * message where not. Each recipe runs from a copy in a directory of its own, so pytest's
 * caches stay out of the sources.
 */
class OtherLanguageRecipesIT {

	static final Path RECIPES = Path.of("src/test/resources/recipes");

	static final long TIMEOUT_SECONDS = 300;

	@TempDir
	Path directory;

	@Test
	void thePytestRecipeRuns() throws Exception {
		assumeTrue(succeeds("python3", "-c", "import pytest"),
				"python3 with pytest is not installed: the pytest recipe of docs/embedded-testing.md is not run");
		Path recipe = copy("test_notifications.py");
		Result result = run("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", recipe.toString());
		assertThat(result.status()).as(result.output()).isZero();
		assertThat(result.output()).contains("2 passed");
	}

	@Test
	void theNodeRecipeRuns() throws Exception {
		assumeTrue(succeeds("node", "-e", "process.exit(typeof fetch === 'function' ? 0 : 1)"),
				"Node 18 or later is not installed: the Node recipe of docs/embedded-testing.md is not run");
		Path recipe = copy("notifications.test.mjs");
		Result result = run("node", "--test", recipe.toString());
		assertThat(result.status()).as(result.output()).isZero();
		assertThat(result.output()).contains("# pass 2").contains("# fail 0");
	}

	private Path copy(String name) throws IOException {
		return Files.copy(RECIPES.resolve(name), this.directory.resolve(name));
	}

	/**
	 * Runs a recipe with the jar and fixtures named, and this JDK's java first on the
	 * PATH.
	 */
	private Result run(String... command) throws IOException, InterruptedException {
		Path output = this.directory.resolve("output.txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment()
			.put("NOTIFICATIONS_JAR", Path.of(System.getProperty("notifications.jar")).toAbsolutePath().toString());
		builder.environment()
			.put("NOTIFICATIONS_FIXTURES", RECIPES.resolve("fixtures.json").toAbsolutePath().toString());
		builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
		builder.environment()
			.put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
					+ builder.environment().getOrDefault("PATH", ""));
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new AssertionError("The recipe did not finish within " + TIMEOUT_SECONDS + " s:\n"
					+ Files.readString(output, StandardCharsets.UTF_8));
		}
		return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	private static boolean succeeds(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private record Result(int status, String output) {
	}

}
