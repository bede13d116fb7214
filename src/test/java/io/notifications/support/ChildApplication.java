package io.notifications.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.notifications.NotificationsApplication;

/**
 * The application in a JVM of its own, started as an operator would start it: from the
 * main classes and their dependencies (not the test classes), in a working directory of
 * its own (so the default {@code ./data} is inside it), on a free loopback port, with
 * settings given as environment variables, with the smallest heap the documentation
 * supports (256 MB) and {@code -XX:+ExitOnOutOfMemoryError} as every documented launch
 * has. Its output goes to {@code application.log} in that directory.
 */
public final class ChildApplication implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final String ADMIN = "admin@example.com";

	private static final String ADMIN_PASSWORD = "child-secret";

	private static final Pattern STARTED_ON_PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private final Process process;

	private final Path log;

	private final int port;

	private ChildApplication(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Starts the application and waits until it is ready.
	 * @param workingDirectory its working directory, created if missing
	 * @param environment settings as environment variables, such as
	 * {@code SPRING_DATASOURCE_URL}
	 */
	public static ChildApplication start(Path workingDirectory, Map<String, String> environment) {
		return start(workingDirectory, environment, List.of());
	}

	/**
	 * Starts the application under a launcher that runs it, such as {@code prlimit} with
	 * its options.
	 */
	public static ChildApplication start(Path workingDirectory, Map<String, String> environment,
			List<String> launcher) {
		try {
			Files.createDirectories(workingDirectory);
			Path log = workingDirectory.resolve("application.log");
			Files.deleteIfExists(log);
			List<String> command = new ArrayList<>(launcher);
			command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
					"-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-cp", mainClasspath(),
					NotificationsApplication.class.getName()));
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment()
				.keySet()
				.removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("NOTIFICATIONS_"));
			builder.environment().put("SERVER_PORT", "0");
			builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
			builder.environment().putAll(environment);
			Process process = builder.start();
			return new ChildApplication(process, log, awaitPort(process, log));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Settings for an Administrator ({@link #administratorToken()}) and no rate limits:
	 * writers that must not be throttled.
	 */
	public static Map<String, String> administratorUnthrottled() {
		Map<String, String> environment = new HashMap<>();
		environment.put("NOTIFICATIONS_SECURITY_USERS_0_EMAIL", ADMIN);
		environment.put("NOTIFICATIONS_SECURITY_USERS_0_PASSWORD", "{noop}" + ADMIN_PASSWORD);
		environment.put("NOTIFICATIONS_SECURITY_USERS_0_ROLES", "Administrator");
		environment.put("NOTIFICATIONS_RATELIMIT_ENABLED", "false");
		return environment;
	}

	/**
	 * An {@code Authorization} value with a bearer token of that Administrator: Basic
	 * would check a password hash on every request.
	 */
	public String administratorToken() throws IOException {
		Response response = Http.postForm(baseUrl() + "/api/token",
				"grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD);
		if (response.status() != 200) {
			throw new IllegalStateException("No token: " + response.status() + " " + response.body());
		}
		return "Bearer " + response.json().get("access_token").asString();
	}

	public int port() {
		return this.port;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Kills the JVM with SIGKILL: no shutdown hook, no graceful shutdown, no flush. */
	public void kill() {
		this.process.destroyForcibly();
		awaitExit();
	}

	/**
	 * Stops the JVM with SIGTERM, as a container runtime does, and waits until it has
	 * exited.
	 */
	public int stop() {
		terminate();
		return awaitExit();
	}

	/**
	 * Sends SIGTERM, as a container runtime does, and returns at once: the graceful
	 * shutdown begins.
	 */
	public void terminate() {
		this.process.destroy();
	}

	/** Waits until the application's output contains the given text. */
	public void awaitOutput(String text, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!output().contains(text)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("No \"" + text + "\" within " + timeout + ":\n" + output());
			}
			sleep(50);
		}
	}

	public String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	/**
	 * Waits until the JVM has exited.
	 * @return its exit status
	 */
	public int awaitExit() {
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				throw new IllegalStateException("The application did not exit within 60 seconds");
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int awaitPort(Process process, Path log) throws IOException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
			Matcher started = STARTED_ON_PORT.matcher(output);
			// Tomcat names its port before the application is ready; "Started" follows
			// when it is
			if (started.find() && output.contains("Started " + NotificationsApplication.class.getSimpleName())) {
				return Integer.parseInt(started.group(1));
			}
			if (!process.isAlive()) {
				throw new IllegalStateException("The application exited with " + process.exitValue() + ":\n" + output);
			}
			sleep(100);
		}
		process.destroyForcibly();
		throw new IllegalStateException("The application did not start within " + START_TIMEOUT + ":\n"
				+ Files.readString(log, StandardCharsets.UTF_8));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * This JVM's class path without the test classes: the application's classes and
	 * libraries.
	 */
	private static String mainClasspath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !Path.of(entry).endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}

}
