package io.notifications.testing;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the notifications server's jar in ephemeral mode for a test run: started once for the whole
 * run (kept in JUnit's root store and stopped when the run ends), reset ({@code POST
 * /ephemeral/reset}) before each test with its clock put back where it started, and injected into
 * tests as a {@link Nexudus}. Register it with a builder:
 *
 * <pre>{@code
 * @RegisterExtension
 * static NotificationsExtension nexudus = NotificationsExtension.builder()
 *     .user("admin@example.com", "secret", "Administrator")
 *     .fixtures("src/test/resources/fixtures.json")
 *     .build();
 * }</pre>
 *
 * or with {@link NotificationsServer @NotificationsServer}. Test classes with the same settings share
 * one server. The server's jar is {@code io.notifications:notifications} of this extension's version in
 * the local Maven repository (after {@code ./mvnw install} of the server) unless the system property
 * {@code notifications.jar} or the environment variable {@code NOTIFICATIONS_JAR} names another; it runs
 * on this JVM's java unless {@code notifications.java} / {@code NOTIFICATIONS_JAVA} names another.
 *
 * <p>
 * The tests that share a server take turns with it, JUnit's parallel execution included: each holds it
 * from its reset to its end, while tests that do not use it run beside them.
 */
public final class NotificationsExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(NotificationsExtension.class);

	/** The key under which a test keeps the turn of the server it uses. */
	private static final String TURN = "turn:";

	private final ServerOptions options;

	/** For {@link NotificationsServer @NotificationsServer} and {@code @ExtendWith}: the annotation's settings, or the defaults. */
	public NotificationsExtension() {
		this.options = null;
	}

	private NotificationsExtension(ServerOptions options) {
		this.options = options;
	}

	/** Settings for a server, to {@link Builder#build() build} into an extension for {@code @RegisterExtension}. */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public void beforeEach(ExtensionContext context) throws InterruptedException {
		RunningServer server = server(context);
		String turn = TURN + options(context).identity();
		if (context.getStore(NAMESPACE).get(turn) != null) {
			// this test registered the same server twice: it has the turn already
			return;
		}
		server.turn.acquire();
		try {
			server.nexudus().startTest();
		}
		catch (RuntimeException ex) {
			server.turn.release();
			throw ex;
		}
		context.getStore(NAMESPACE).put(turn, server);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		RunningServer server = context.getStore(NAMESPACE).remove(TURN + options(context).identity(), RunningServer.class);
		if (server != null) {
			server.turn.release();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == Nexudus.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		try {
			return server(extensionContext).nexudus();
		}
		catch (RuntimeException ex) {
			throw new ParameterResolutionException("No notifications server: " + ex.getMessage(), ex);
		}
	}

	/** The running server for these options: started on first use, once for the whole run. */
	private RunningServer server(ExtensionContext context) {
		ServerOptions options = options(context);
		Store store = context.getRoot().getStore(NAMESPACE);
		RunningServer server = store.getOrComputeIfAbsent(options.identity(), (key) -> RunningServer.start(options),
				RunningServer.class);
		return server.orThrow();
	}

	private ServerOptions options(ExtensionContext context) {
		if (this.options != null) {
			return this.options;
		}
		return context.getTestClass().flatMap(NotificationsExtension::annotation).map(NotificationsExtension::options)
			.orElseGet(() -> new Builder().options());
	}

	private static Optional<NotificationsServer> annotation(Class<?> testClass) {
		for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
			NotificationsServer annotation = find(type);
			if (annotation != null) {
				return Optional.of(annotation);
			}
		}
		return Optional.empty();
	}

	private static NotificationsServer find(AnnotatedElement element) {
		NotificationsServer direct = element.getAnnotation(NotificationsServer.class);
		if (direct != null) {
			return direct;
		}
		// as a meta-annotation: a team's own @OurNexudus annotated with @NotificationsServer(...)
		return Arrays.stream(element.getAnnotations())
			.map((annotation) -> annotation.annotationType().getAnnotation(NotificationsServer.class))
			.filter((annotation) -> annotation != null)
			.findFirst()
			.orElse(null);
	}

	static ServerOptions options(NotificationsServer annotation) {
		Builder builder = new Builder();
		for (String user : annotation.users()) {
			builder.user(user);
		}
		if (!annotation.fixtures().isBlank()) {
			builder.fixtures(annotation.fixtures());
		}
		try {
			if (!annotation.clock().isBlank()) {
				builder.clock(Instant.parse(annotation.clock()));
			}
		}
		catch (DateTimeParseException ex) {
			throw new ExtensionConfigurationException(
					"@NotificationsServer(clock) is an ISO-8601 instant such as 2025-01-15T10:30:00Z, not "
							+ annotation.clock());
		}
		try {
			if (!annotation.seed().isBlank()) {
				builder.seed(Long.parseLong(annotation.seed()));
			}
		}
		catch (NumberFormatException ex) {
			throw new ExtensionConfigurationException(
					"@NotificationsServer(seed) is a whole number, not " + annotation.seed());
		}
		for (String property : annotation.properties()) {
			int equals = property.indexOf('=');
			if (equals <= 0) {
				throw new ExtensionConfigurationException("A property is name=value, not " + property);
			}
			builder.property(property.substring(0, equals).strip(), property.substring(equals + 1).strip());
		}
		builder.jvmArgs(annotation.jvmArgs());
		return builder.options();
	}

	/** A server in the root store, stopped by JUnit when the run ends; or why it could not start. */
	static final class RunningServer implements Store.CloseableResource, AutoCloseable {

		private final ServerProcess process;

		private final Nexudus nexudus;

		private final RuntimeException failure;

		private final AtomicBoolean failureReported = new AtomicBoolean();

		/** One test at a time: each resets the server, and a test running beside it would see the other's requests. */
		private final Semaphore turn = new Semaphore(1, true);

		private RunningServer(ServerProcess process, Nexudus nexudus, RuntimeException failure) {
			this.process = process;
			this.nexudus = nexudus;
			this.failure = failure;
		}

		static RunningServer start(ServerOptions options) {
			// a failed start is kept too, so that the other tests fail at once instead of starting again
			try {
				ServerOptions.User administrator = options.administrator();
				ServerProcess process = ServerProcess.start(options, System.out);
				ServerConnection connection = new ServerConnection(process.baseUrl(), administrator.email(),
						administrator.password());
				return new RunningServer(process, new Nexudus(connection, options.users, options.startClock(), process), null);
			}
			catch (IOException ex) {
				return new RunningServer(null, null, new ExtensionConfigurationException(
						"The notifications server could not be started: " + ex, ex));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new RunningServer(null, null, new ExtensionConfigurationException("Interrupted while starting the notifications server", ex));
			}
			catch (RuntimeException ex) {
				return new RunningServer(null, null, ex);
			}
		}

		/**
		 * The first test that asks is given the whole failure, the server's last log lines included;
		 * the others its first line, so that a run's report says it once.
		 */
		RunningServer orThrow() {
			if (this.failure == null) {
				return this;
			}
			if (this.failureReported.compareAndSet(false, true)) {
				throw this.failure;
			}
			String firstLine = String.valueOf(this.failure.getMessage()).lines().findFirst().orElse("");
			throw new ExtensionConfigurationException(
					firstLine.replaceFirst(":?\\s*$", "") + " (the server's last log lines are in the first failure)");
		}

		Nexudus nexudus() {
			return this.nexudus;
		}

		@Override
		public void close() {
			if (this.process != null) {
				this.process.stop();
			}
		}

	}

	/** The settings of a server; see {@link NotificationsServer} for what each means. */
	public static final class Builder {

		private final List<ServerOptions.User> users = new ArrayList<>();

		private String fixtures;

		private String clock;

		private Long seed;

		private final Map<String, String> properties = new LinkedHashMap<>();

		private final List<String> jvmArgs = new ArrayList<>();

		private Path jar;

		private Path java;

		private Path cacheDirectory;

		private Boolean archive;

		private Duration startTimeout;

		private Builder() {
		}

		/** A user with these roles (none for a user without any). */
		public Builder user(String email, String password, String... roles) {
			this.users.add(new ServerOptions.User(email, password, List.of(roles)));
			return this;
		}

		/** A user as {@code email:password:Role1+Role2}. */
		public Builder user(String entry) {
			this.users.add(ServerOptions.User.parse(entry));
			return this;
		}

		/** The fixtures file: a path relative to the tests' working directory, or {@code classpath:name}. */
		public Builder fixtures(String fixtures) {
			this.fixtures = fixtures;
			return this;
		}

		/** The fixtures file. */
		public Builder fixtures(Path fixtures) {
			return fixtures(fixtures.toAbsolutePath().toString());
		}

		/** The server's clock starts here, standing still ({@code notifications.ephemeral.clock}). */
		public Builder clock(Instant start) {
			this.clock = start.toString();
			return this;
		}

		/** The seed of the server's generators ({@code notifications.ephemeral.seed}). */
		public Builder seed(long seed) {
			this.seed = seed;
			return this;
		}

		/** Any other server property, e.g. {@code notifications.rate-limit.enabled} {@code true}. */
		public Builder property(String name, String value) {
			this.properties.put(name, value);
			return this;
		}

		/** More JVM arguments for the server. */
		public Builder jvmArgs(String... jvmArgs) {
			this.jvmArgs.addAll(List.of(jvmArgs));
			return this;
		}

		/** The server jar, instead of {@code notifications.jar} or the local Maven repository's. */
		public Builder jar(Path jar) {
			this.jar = jar;
			return this;
		}

		/** The java executable, instead of {@code notifications.java} or this JVM's. */
		public Builder java(Path java) {
			this.java = java;
			return this;
		}

		/** Where the extracted jar and the class-data archive are kept (default {@code target/notifications-cache}). */
		public Builder cacheDirectory(Path cacheDirectory) {
			this.cacheDirectory = cacheDirectory;
			return this;
		}

		/** Whether to make and use a class-data archive for a fast second start (default true, or {@code notifications.archive}). */
		public Builder archive(boolean archive) {
			this.archive = archive;
			return this;
		}

		/** How long to wait for the ready line (default 3 minutes). */
		public Builder startTimeout(Duration startTimeout) {
			this.startTimeout = startTimeout;
			return this;
		}

		/** The extension, for a {@code static} field annotated with {@code @RegisterExtension}. */
		public NotificationsExtension build() {
			return new NotificationsExtension(options());
		}

		ServerOptions options() {
			return new ServerOptions(this.users, this.fixtures, this.clock, this.seed, this.properties, this.jvmArgs,
					this.jar, this.java, this.cacheDirectory, this.archive, this.startTimeout);
		}

	}

}
