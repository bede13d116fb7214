package io.notifications.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a server is started with: from {@link NotificationsExtension.Builder}, from
 * {@link NotificationsServer}, or the defaults. Two test classes with equal options share one
 * server for the whole run.
 */
final class ServerOptions {

	static final String DEFAULT_USER = "admin@example.com:secret:Administrator";

	final List<User> users;

	final String fixtures;

	final String clock;

	final Long seed;

	final Map<String, String> properties;

	final List<String> jvmArgs;

	final Path jar;

	final Path java;

	final Path cacheDirectory;

	final Boolean archive;

	final Duration startTimeout;

	/**
	 * Where the server's clock started, standing ({@code clock}, or the same property
	 * given among {@code properties}, which wins), or null for the system's time.
	 */
	String startClock() {
		return this.properties.getOrDefault("notifications.ephemeral.clock", this.clock);
	}

	ServerOptions(List<User> users, String fixtures, String clock, Long seed, Map<String, String> properties,
			List<String> jvmArgs, Path jar, Path java, Path cacheDirectory, Boolean archive, Duration startTimeout) {
		this.users = users.isEmpty() ? List.of(User.parse(DEFAULT_USER)) : List.copyOf(users);
		this.fixtures = fixtures;
		this.clock = clock;
		this.seed = seed;
		this.properties = Map.copyOf(new LinkedHashMap<>(properties));
		this.jvmArgs = List.copyOf(jvmArgs);
		this.jar = jar;
		this.java = java;
		this.cacheDirectory = cacheDirectory;
		this.archive = archive;
		this.startTimeout = (startTimeout != null) ? startTimeout : Duration.ofMinutes(3);
	}

	/** Equal for options that give the same server, so that such test classes share one. */
	String identity() {
		return String.join("\n", "users=" + this.users, "fixtures=" + this.fixtures, "clock=" + this.clock,
				"seed=" + this.seed, "properties=" + new TreeMap<>(this.properties), "jvmArgs=" + this.jvmArgs,
				"jar=" + this.jar, "java=" + this.java, "cache=" + this.cacheDirectory, "archive=" + this.archive);
	}

	/** The user the harness resets and steers as: the first Administrator. */
	User administrator() {
		return this.users.stream()
			.filter((user) -> user.roles().contains("Administrator"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No user has the role Administrator, which the reset and"
					+ " the steering API need: add one, e.g. " + DEFAULT_USER));
	}

	/**
	 * The server's jar: set on the builder or annotation, else the system property
	 * {@code notifications.jar}, else the environment variable {@code NOTIFICATIONS_JAR}, else the
	 * server of this extension's version in the local Maven repository
	 * ({@code maven.repo.local}, else {@code ~/.m2/repository}).
	 */
	Path resolveJar() {
		Path jar = (this.jar != null) ? this.jar : setting("notifications.jar", "NOTIFICATIONS_JAR").map(Path::of)
			.orElseGet(ServerOptions::jarInLocalRepository);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No notifications server jar at " + jar.toAbsolutePath() + ". Run"
					+ " ./mvnw install in the notifications repository (it installs io.notifications:notifications:"
					+ version() + "), or name a jar with the system property notifications.jar or the environment"
					+ " variable NOTIFICATIONS_JAR.");
		}
		return jar.toAbsolutePath();
	}

	static Path jarInLocalRepository() {
		Path repository = setting("maven.repo.local", "MAVEN_REPO_LOCAL").map(Path::of)
			.orElseGet(() -> Path.of(System.getProperty("user.home"), ".m2", "repository"));
		String version = version();
		return repository.resolve(Path.of("io", "notifications", "notifications", version,
				"notifications-" + version + ".jar"));
	}

	/** The java to run the server with: set, else {@code notifications.java}, else this JVM's. */
	Path resolveJava() {
		if (this.java != null) {
			return this.java;
		}
		return setting("notifications.java", "NOTIFICATIONS_JAVA").map(Path::of)
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
	}

	/**
	 * Where the class-data archive and the extracted jar are kept: set, else
	 * {@code notifications.cache-dir}, else {@code target/notifications-cache} in a Maven project,
	 * {@code build/notifications-cache} in a Gradle one, else under the temporary directory.
	 */
	Path resolveCacheDirectory() {
		if (this.cacheDirectory != null) {
			return this.cacheDirectory.toAbsolutePath();
		}
		return setting("notifications.cache-dir", "NOTIFICATIONS_CACHE_DIR").map((dir) -> Path.of(dir).toAbsolutePath())
			.orElseGet(() -> {
				Path project = Path.of(System.getProperty("user.dir"));
				if (Files.exists(project.resolve("pom.xml")) || Files.isDirectory(project.resolve("target"))) {
					return project.resolve("target").resolve("notifications-cache");
				}
				if (Files.exists(project.resolve("build.gradle")) || Files.exists(project.resolve("build.gradle.kts"))) {
					return project.resolve("build").resolve("notifications-cache");
				}
				return Path.of(System.getProperty("java.io.tmpdir"), "notifications-cache-" + System.getProperty("user.name"));
			});
	}

	/** Whether to make and use a class-data archive: set, else {@code notifications.archive}, else true. */
	boolean resolveArchive() {
		if (this.archive != null) {
			return this.archive;
		}
		return setting("notifications.archive", "NOTIFICATIONS_ARCHIVE").map((value) -> !value.equalsIgnoreCase("false")
				&& !value.equals("0") && !value.equalsIgnoreCase("off") && !value.equalsIgnoreCase("no")).orElse(true);
	}

	static Optional<String> setting(String property, String variable) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(variable);
		}
		return (value == null || value.isBlank()) ? Optional.empty() : Optional.of(value.strip());
	}

	/** This extension's version, the version of the server jar it looks for by default. */
	static String version() {
		try (InputStream in = ServerOptions.class.getResourceAsStream("version.properties")) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			String version = properties.getProperty("version");
			if (version == null || version.startsWith("${")) {
				throw new IllegalStateException("The extension's version.properties was not filtered by its build");
			}
			return version;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A user of the server.
	 *
	 * @param email the user name
	 * @param password the password, as the password grant and Basic take it ({@code {noop}} before
	 * it is taken off)
	 * @param roles its roles, e.g. {@code Administrator} or {@code CoworkerNotification-Read}
	 */
	record User(String email, String password, List<String> roles) {

		private static final String NOOP = "{noop}";

		User {
			// the harness signs in as its users: it needs the password itself
			if (password.startsWith(NOOP)) {
				password = password.substring(NOOP.length());
			}
			else if (password.matches("\\{[^}]*}.*")) {
				throw new IllegalArgumentException("The password of " + email + " starts with an encoding ("
						+ password.substring(0, password.indexOf('}') + 1) + "): the harness signs in as its users,"
						+ " so give the password itself (a password that starts with { as {noop}{...)");
			}
			if (password.isEmpty()) {
				throw new IllegalArgumentException("The password of " + email + " is empty");
			}
		}

		/** {@code email:password:Role1+Role2}, as {@code notifications.ephemeral.users} takes it. */
		static User parse(String entry) {
			int first = entry.indexOf(':');
			int last = entry.lastIndexOf(':');
			if (first <= 0 || last == first) {
				throw new IllegalArgumentException("A user is email:password:Role1+Role2, not " + entry.replaceAll(":.*", ":..."));
			}
			List<String> roles = new ArrayList<>();
			for (String role : entry.substring(last + 1).split("\\+")) {
				if (!role.isBlank()) {
					roles.add(role.strip());
				}
			}
			return new User(entry.substring(0, first).strip(), entry.substring(first + 1, last), roles);
		}

		/** One line of {@code notifications.ephemeral.users-file}. */
		String line() {
			return this.email + ":" + NOOP + this.password + ":" + String.join("+", this.roles);
		}

		@Override
		public String toString() {
			// identity() compares passwords too, but never prints them
			return this.email + ":" + Integer.toHexString(this.password.hashCode()) + ":" + String.join("+", this.roles);
		}

	}

}
