package io.notifications.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's jar run in ephemeral mode as a child process: started on a free port, ready once it
 * logs {@code notifications.ready port=N url=...}, stopped gracefully (SIGTERM, then a wait) so that
 * the JVM can write the class-data archive of {@link ClassDataArchive}. Its output goes to a log
 * file in the cache directory.
 */
final class ServerProcess implements AutoCloseable {

	static final Pattern READY = Pattern.compile("notifications\\.ready port=(\\d+) url=(\\S+)");

	/**
	 * The JVM's own lines about the class-data archive it records ({@code [warning][cds] …}): a
	 * hundred of them may follow Spring Boot's failure report, which the tail must keep.
	 */
	static final Pattern ARCHIVE_LOG = Pattern.compile("^(\\[[^\\]]*\\])*?\\[(cds|aot)[,\\]]");

	/** How long a graceful stop may take: the JVM writes the archive at exit, Java 25's in a second JVM. */
	private static final Duration STOP_RECORDING = Duration.ofMinutes(10);

	private static final Duration STOP = Duration.ofSeconds(30);

	/**
	 * C1 only: a test suite lives in the server's first minute, where C2's compilations compete for
	 * the cores with the start and the first requests (testing/README.md has the figures). Placed
	 * before the user's JVM arguments, so that {@code -XX:TieredStopAtLevel=4} there gives the full JIT
	 * back.
	 */
	static final List<String> TEST_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1");

	private static final String SIGNING_KEY = "notifications.ephemeral.signing-key";

	private static final String PROFILES = "spring.profiles.active";

	private final Process process;

	private final ClassDataArchive.Launch launch;

	private final Path workDirectory;

	private final Path log;

	private final URI baseUrl;

	private final Duration startTime;

	private final Duration startCpu;

	private final JavaRuntime java;

	private final PrintStream out;

	private final Thread shutdownHook;

	private boolean stopped;

	private ServerProcess(Process process, ClassDataArchive.Launch launch, Path workDirectory, Path log, URI baseUrl,
			Duration startTime, Duration startCpu, JavaRuntime java, PrintStream out) {
		this.process = process;
		this.launch = launch;
		this.workDirectory = workDirectory;
		this.log = log;
		this.baseUrl = baseUrl;
		this.startTime = startTime;
		this.startCpu = startCpu;
		this.java = java;
		this.out = out;
		// a run that ends without closing the store (System.exit, Ctrl-C) leaves no server behind
		this.shutdownHook = new Thread(() -> {
			process.destroy();
			try {
				process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			process.destroyForcibly();
		}, "notifications-server-stop");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/** Starts a server with {@code options} and waits until it is ready. */
	static ServerProcess start(ServerOptions options, PrintStream out) throws IOException, InterruptedException {
		Path jar = options.resolveJar();
		JavaRuntime java = JavaRuntime.of(options.resolveJava());
		Path cacheDirectory = options.resolveCacheDirectory();
		String springAotObstacle = SpringAot.obstacle(options, jar, System.getenv());
		boolean springAot = springAotObstacle == null;
		// an archive records the classes of one kind of start: keyed by the flag too
		List<String> archiveKey = new ArrayList<>(options.jvmArgs);
		if (springAot) {
			archiveKey.add(SpringAot.FLAG);
		}
		ClassDataArchive.Launch launch = ClassDataArchive.prepare(jar, java, archiveKey, cacheDirectory,
				options.resolveArchive(), out);
		Path work = Files.createTempDirectory("notifications-server-");
		List<String> command;
		try {
			command = command(options, java, launch, springAot, work);
		}
		catch (IOException | RuntimeException ex) {
			// it holds the users' passwords
			ClassDataArchive.deleteRecursively(work);
			launch.finish(false);
			throw ex;
		}
		Files.createDirectories(cacheDirectory);
		Path log = log(cacheDirectory, ClassDataArchive.sha256(options.identity()).substring(0, 8));
		long started = System.nanoTime();
		Process process;
		try {
			// the output goes straight to a file: no pipe that could close under the JVM while it writes
			// its archive at exit, and a whole log even if this JVM goes first
			process = new ProcessBuilder(command).directory(work.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
				.start();
		}
		catch (IOException ex) {
			launch.finish(false);
			throw ex;
		}
		URI baseUrl;
		try {
			baseUrl = awaitReady(process, log, options.startTimeout);
		}
		catch (IOException | RuntimeException | InterruptedException ex) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			launch.finish(false);
			ClassDataArchive.deleteRecursively(work);
			throw ex;
		}
		Duration startTime = Duration.ofNanos(System.nanoTime() - started);
		Duration cpu = process.toHandle().info().totalCpuDuration().orElse(null);
		ServerProcess server = new ServerProcess(process, launch, work, log, baseUrl, startTime, cpu, java, out);
		out.printf("[notifications] server ready at %s in %.1f s (Java %d, class-data archive: %s, Spring AOT: %s; log: %s)%n",
				baseUrl, startTime.toMillis() / 1000.0, java.feature(), launch.mode.description,
				springAot ? "on" : "off, " + springAotObstacle, log);
		return server;
	}

	/**
	 * This test JVM's log of a server with these options: two test JVMs (Surefire's forks, one
	 * build beside another) never share one. Those of test JVMs that have ended go.
	 */
	static Path log(Path cacheDirectory, String options) throws IOException {
		try (var logs = Files.newDirectoryStream(cacheDirectory, "server-" + options + "-*.log")) {
			for (Path old : logs) {
				String pid = old.getFileName().toString().replaceAll(".*-(\\d+)\\.log$", "$1");
				if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
					Files.deleteIfExists(old);
				}
			}
		}
		return cacheDirectory.resolve("server-" + options + "-" + ProcessHandle.current().pid() + ".log");
	}

	static List<String> command(ServerOptions options, JavaRuntime java, ClassDataArchive.Launch launch,
			boolean springAot, Path work) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(java.executable().toString());
		command.addAll(TEST_JVM_FLAGS);
		if (springAot) {
			command.add(SpringAot.FLAG);
		}
		command.addAll(options.jvmArgs);
		command.addAll(launch.jvmFlags);
		command.add("-jar");
		command.add(launch.jar.toString());
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put(PROFILES, "ephemeral");
		settings.put("server.port", "0");
		// the line the harness waits for, whatever level the tests give the rest of the log
		settings.put("logging.level.io.notifications.ephemeral.ReadyLine", "INFO");
		// a file keeps the passwords out of the process list, and may hold commas
		Path users = work.resolve("users.txt");
		Files.write(users, options.users.stream().map(ServerOptions.User::line).toList(), StandardCharsets.UTF_8);
		settings.put("notifications.ephemeral.users-file", users.toString());
		if (options.fixtures != null) {
			settings.put("notifications.ephemeral.fixtures", fixtures(options.fixtures, work).toString());
		}
		if (options.clock != null) {
			settings.put("notifications.ephemeral.clock", options.clock);
		}
		if (options.seed != null) {
			settings.put("notifications.ephemeral.seed", options.seed.toString());
		}
		if (launch.archive != null) {
			// kept beside the archive: a later start need not generate a 2048-bit RSA key with C1 alone
			settings.put(SIGNING_KEY, launch.archive.resolveSibling("signing-key.json").toString());
		}
		// a property given replaces the harness's own (Spring would join the two with a comma);
		// profiles are added to ephemeral
		options.properties.forEach((name, value) -> settings.merge(name, value,
				(own, given) -> name.equals(PROFILES) ? own + "," + given : given));
		settings.forEach((name, value) -> command.add("--" + name + "=" + value));
		return command;
	}

	/** A path (relative to the working directory of the tests), or {@code classpath:} of the test class path. */
	private static Path fixtures(String fixtures, Path work) throws IOException {
		if (fixtures.startsWith("classpath:")) {
			String name = fixtures.substring("classpath:".length()).replaceFirst("^/", "");
			ClassLoader loader = Thread.currentThread().getContextClassLoader();
			try (InputStream in = (loader != null) ? loader.getResourceAsStream(name) : null) {
				if (in == null) {
					throw new IllegalArgumentException("No fixtures " + fixtures + " on the test class path");
				}
				Path copy = work.resolve("fixtures.json");
				Files.copy(in, copy);
				return copy;
			}
		}
		Path path = Path.of(fixtures.startsWith("file:") ? URI.create(fixtures).getPath() : fixtures).toAbsolutePath();
		if (!Files.isRegularFile(path)) {
			throw new IllegalArgumentException("No fixtures file " + path);
		}
		return path;
	}

	private static java.io.File nullDevice() {
		return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
	}

	/** Reads the log as it grows until the ready line, the process's end or the timeout. */
	private static URI awaitReady(Process process, Path log, Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Deque<String> tail = new ArrayDeque<>();
		StringBuilder partial = new StringBuilder();
		try (InputStream in = Files.newInputStream(log);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			char[] buffer = new char[8192];
			while (true) {
				boolean exited = !process.isAlive();
				int read;
				while ((read = reader.read(buffer)) > 0) {
					partial.append(buffer, 0, read);
					int newline;
					while ((newline = partial.indexOf("\n")) >= 0) {
						String line = partial.substring(0, newline);
						partial.delete(0, newline + 1);
						Matcher matcher = READY.matcher(line);
						if (matcher.find()) {
							return URI.create(matcher.group(2));
						}
						if (ARCHIVE_LOG.matcher(line).find()) {
							continue;
						}
						tail.addLast(line);
						if (tail.size() > 60) {
							tail.removeFirst();
						}
					}
				}
				if (exited) {
					throw new IllegalStateException("The notifications server did not start (exit code "
							+ process.exitValue() + "; log: " + log + ")" + reason(tail) + ":\n" + String.join("\n", tail)
							+ partial);
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The notifications server was not ready within " + timeout
							+ " (log: " + log + "):\n" + String.join("\n", tail));
				}
				Thread.sleep(20);
			}
		}
	}

	/**
	 * Spring Boot's failure analysis, the Description and Action under {@code APPLICATION FAILED TO START}, on
	 * one line: it goes first, where a build's summary shows only the message's first line.
	 */
	static String reason(Collection<String> log) {
		List<String> lines = new ArrayList<>(log);
		int failed = lines.indexOf("APPLICATION FAILED TO START");
		if (failed < 0) {
			return "";
		}
		StringBuilder reason = new StringBuilder();
		for (String line : lines.subList(failed + 1, lines.size())) {
			String text = line.strip();
			if (text.isEmpty() || text.chars().allMatch((c) -> c == '*') || text.equals("Description:")) {
				continue;
			}
			reason.append(reason.isEmpty() ? "" : " ").append(text);
		}
		return reason.isEmpty() ? "" : ": " + reason;
	}

	URI baseUrl() {
		return this.baseUrl;
	}

	Duration startTime() {
		return this.startTime;
	}

	/** The CPU time the server had used when it was ready, where the platform tells. */
	Duration startCpu() {
		return this.startCpu;
	}

	ClassDataArchive.Mode archiveMode() {
		return this.launch.mode;
	}

	Path log() {
		return this.log;
	}

	JavaRuntime java() {
		return this.java;
	}

	/**
	 * Stops the server gracefully and waits for it; after a recording run, moves the archive the
	 * JVM wrote into place.
	 * @return whether an archive is in place for the next start
	 */
	boolean stop() {
		synchronized (this) {
			if (this.stopped) {
				return false;
			}
			this.stopped = true;
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException shuttingDown) {
			// the hook is running already
		}
		boolean recording = this.launch.mode == ClassDataArchive.Mode.RECORDING;
		if (recording) {
			this.out.println("[notifications] stopping the server; it writes its class-data archive for the next"
					+ " start as it exits (once per jar and Java version)");
		}
		long started = System.nanoTime();
		this.process.destroy();
		boolean graceful;
		try {
			graceful = this.process.waitFor((recording ? STOP_RECORDING : STOP).toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			graceful = false;
		}
		if (!graceful) {
			this.process.destroyForcibly();
		}
		boolean archived = this.launch.finish(graceful);
		if (recording) {
			this.out.printf("[notifications] server stopped in %.1f s; class-data archive %s%n",
					(System.nanoTime() - started) / 1e9, archived ? "written to " + this.launch.archive : "not written");
		}
		try {
			ClassDataArchive.deleteRecursively(this.workDirectory);
		}
		catch (IOException ex) {
			// a temporary directory left behind
		}
		return archived;
	}

	@Override
	public void close() {
		stop();
	}

}
