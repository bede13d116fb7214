package io.notifications.testing.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pytest plugin, checked by the root build where python3 with pytest is installed (skipped with
 * a message otherwise): installed with pip (or, where pip cannot, run from its sources, saying so),
 * its own tests, then the sample twice against the server jar of the local repository, on this
 * build's Java. Everything runs in copies under target/, so that nothing is written into the sources.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PytestPluginIT {

	static final Path TESTING = Path.of(System.getProperty("notifications.testing.dir", "..")).toAbsolutePath().normalize();

	static final Path WORK = Path.of("target", "pytest-check").toAbsolutePath();

	static final String VERSION = System.getProperty("notifications.version");

	static final long TIMEOUT_SECONDS = 900;

	/** How pytest finds the plugin: nothing more once pip installed it, else its sources named with -p. */
	static List<String> pluginArguments = List.of();

	static String pythonPath;

	@BeforeAll
	static void needsPythonWithPytest() throws Exception {
		assumeTrue(succeeds("python3", "-c", "import pytest, sys; sys.exit(0 if int(pytest.__version__.split('.')[0]) >= 7 else 1)"),
				"python3 with pytest 7 or later is not installed: the pytest plugin's check (testing/pytest-check) is not run");
		delete(WORK);
		Files.createDirectories(WORK);
	}

	@Test
	@Order(1)
	void installsWithPip() throws Exception {
		Path site = WORK.resolve("site-packages");
		Result install = run(WORK, Map.of(), "python3", "-m", "pip", "install", "--no-build-isolation", "--no-index",
				"--disable-pip-version-check", "--target", site.toString(), TESTING.resolve("pytest-plugin").toString());
		if (install.status() == 0) {
			pythonPath = site.toString();
			assertTrue(Files.isRegularFile(site.resolve("notifications_pytest/plugin.py")), install.output());
			Result entryPoint = run(WORK, Map.of("PYTHONPATH", pythonPath), "python3", "-c",
					"import importlib.metadata as m, sys; sys.exit(0 if any(e.name == 'notifications' and e.value == "
							+ "'notifications_pytest.plugin' for e in m.distribution('notifications-pytest').entry_points) else 1)");
			assertEquals(0, entryPoint.status(), "the pytest11 entry point: " + entryPoint.output());
		}
		else {
			System.out.println("[pytest-check] pip could not install testing/pytest-plugin, so the plugin runs from its"
					+ " sources (-p notifications_pytest.plugin) and its installation is not checked:\n" + install.output());
			pythonPath = TESTING.resolve("pytest-plugin/src").toString();
			pluginArguments = List.of("-p", "notifications_pytest.plugin");
		}
		Result version = run(WORK, Map.of("PYTHONPATH", pythonPath), "python3", "-c",
				"import notifications_pytest; print(notifications_pytest.SERVER_VERSION)");
		assertEquals(VERSION, version.output().strip(), "the plugin looks for the server of this version");
	}

	@Test
	@Order(2)
	void passesItsOwnTests() throws Exception {
		Path tests = copy(TESTING.resolve("pytest-plugin/tests"), WORK.resolve("plugin-tests"));
		// its tests build a wheel with the backend: give them the sources beside the copy
		copy(TESTING.resolve("pytest-plugin/_build"), WORK.resolve("_build"));
		copy(TESTING.resolve("pytest-plugin/src"), WORK.resolve("src"));
		Files.copy(TESTING.resolve("pytest-plugin/pyproject.toml"), WORK.resolve("pyproject.toml"));
		Files.copy(TESTING.resolve("pytest-plugin/README.md"), WORK.resolve("README.md"));
		Result result = pytest(WORK, List.of("-p", "no:cacheprovider", tests.toString()));
		assertEquals(0, result.status(), result.output());
	}

	@Test
	@Order(3)
	void runsTheSampleAndStartsFasterTheSecondTime() throws Exception {
		Path sample = copy(TESTING.resolve("pytest-sample"), WORK.resolve("pytest-sample"));
		Result first = pytest(sample, List.of("-m", "not steering"));
		assertEquals(0, first.status(), first.output());
		assertTrue(first.output().contains("8 passed"), first.output());
		assertTrue(first.output().contains("class-data archive: recording") && first.output().contains("archive written at the stop"),
				first.output());
		Result second = pytest(sample, List.of("-m", "not steering"));
		assertEquals(0, second.status(), second.output());
		assertTrue(second.output().contains("class-data archive: used, Spring AOT: on"), second.output());
	}

	@Test
	@Order(4)
	void runsTheSteeringTests() throws Exception {
		Path sample = WORK.resolve("pytest-sample");
		Result steering = pytest(sample, List.of("-m", "steering"));
		assertEquals(0, steering.status(), steering.output());
	}

	private static Result pytest(Path directory, List<String> arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("python3", "-m", "pytest", "-q", "-rfE"));
		command.addAll(pluginArguments);
		command.addAll(arguments);
		String jar = Path.of(System.getProperty("maven.repo.local"), "io", "notifications", "notifications", VERSION,
				"notifications-" + VERSION + ".jar").toString();
		return run(directory, Map.of("PYTHONPATH", pythonPath, "NOTIFICATIONS_JAR", jar, "NOTIFICATIONS_JAVA",
				Path.of(System.getProperty("java.home"), "bin", "java").toString()), command.toArray(String[]::new));
	}

	private static Result run(Path directory, Map<String, String> environment, String... command)
			throws IOException, InterruptedException {
		Path output = Files.createTempFile(WORK, "output", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().putAll(environment);
		builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
		builder.environment().remove("NOTIFICATIONS_CACHE_DIR");
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroy();
			process.waitFor(60, TimeUnit.SECONDS);
			process.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s:\n"
					+ Files.readString(output, StandardCharsets.UTF_8));
		}
		String text = Files.readString(output, StandardCharsets.UTF_8);
		System.out.println("[pytest-check] " + String.join(" ", command) + "\n" + text);
		return new Result(process.exitValue(), text);
	}

	private static boolean succeeds(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static Path copy(Path from, Path to) throws IOException {
		Files.walkFileTree(from, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
				String name = directory.getFileName().toString();
				if (name.equals("__pycache__") || name.equals(".pytest_cache")) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				Files.createDirectories(to.resolve(from.relativize(directory).toString()));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.copy(file, to.resolve(from.relativize(file).toString()));
				return FileVisitResult.CONTINUE;
			}
		});
		return to;
	}

	private static void delete(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (var paths = Files.walk(path)) {
			for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

	private record Result(int status, String output) {
	}

}
