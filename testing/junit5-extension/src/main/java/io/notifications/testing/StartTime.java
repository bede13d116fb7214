package io.notifications.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One start of the server as the extension starts it, timed, for {@code testing/start-times.sh}:
 * {@code java -cp notifications-junit5.jar io.notifications.testing.StartTime [--jar J] [--java J]
 * [--cache-dir D] [--archive true|false] [--jvm-arg A]...}. Prints
 * {@code ready_s=3.21 cpu_s=5.40 archive=used java=17} once the server is ready, then stops it
 * gracefully (as the end of a test run does, so that a first run writes its archive) and prints
 * {@code stop_s=... archive_written=true|false}.
 */
public final class StartTime {

	private StartTime() {
	}

	public static void main(String[] args) throws Exception {
		// no JUnit on this class path: the options without the extension's builder
		Path jar = null;
		Path java = null;
		Path cacheDirectory = null;
		Boolean archive = null;
		String fixtures = null;
		List<String> jvmArgs = new ArrayList<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--jar" -> jar = Path.of(args[i + 1]);
				case "--java" -> java = Path.of(args[i + 1]);
				case "--cache-dir" -> cacheDirectory = Path.of(args[i + 1]);
				case "--archive" -> archive = Boolean.parseBoolean(args[i + 1]);
				case "--fixtures" -> fixtures = args[i + 1];
				case "--jvm-arg" -> jvmArgs.add(args[i + 1]);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		ServerOptions options = new ServerOptions(List.of(), fixtures, null, null, Map.of(), jvmArgs, jar, java,
				cacheDirectory, archive, null);
		ServerProcess server = ServerProcess.start(options, System.err);
		Duration cpu = server.startCpu();
		System.out.printf(Locale.ROOT, "ready_s=%.2f cpu_s=%s archive=%s java=%d%n", server.startTime().toMillis() / 1000.0,
				(cpu != null) ? String.format(Locale.ROOT, "%.2f", cpu.toMillis() / 1000.0) : "?", server.archiveMode().name().toLowerCase(Locale.ROOT),
				server.java().feature());
		// a token and a reset, as the first test does
		ServerOptions.User admin = options.administrator();
		ServerConnection connection = new ServerConnection(server.baseUrl(), admin.email(), admin.password());
		connection.reset();
		connection.token(admin.email(), admin.password());
		long stopping = System.nanoTime();
		boolean archived = server.stop();
		System.out.printf(Locale.ROOT, "stop_s=%.2f archive_written=%s%n", (System.nanoTime() - stopping) / 1e9, archived);
	}

}
