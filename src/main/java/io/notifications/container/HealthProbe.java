package io.notifications.container;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The container's health check: asks the running server whether it is ready and exits
 * with 0 if it is, 1 if not. Uses nothing but the JDK, so it runs from
 * {@code BOOT-INF/classes} in any JRE image, with or without curl.
 *
 * <p>
 * It runs as a process of its own beside the server, so it cannot ask Boot which port the
 * server took. It first tries the port the server's configuration names, looked up where
 * an operator sets it, in Boot's order of precedence: {@code --management.server.port=}
 * or {@code --server.port=} on the server's command line (the container's PID 1),
 * {@code -D} system properties there or in {@code JAVA_TOOL_OPTIONS}, then
 * {@code MANAGEMENT_SERVER_PORT} or {@code SERVER_PORT}; 8080 without any. A separate
 * management port wins over the server port, as it does in Boot. If that port does not
 * answer the probe (the port came from somewhere else: a properties file,
 * {@code SPRING_APPLICATION_JSON}, ...), it tries every TCP port the server process
 * listens on: the listening sockets of {@code /proc/net/tcp} and {@code tcp6} whose
 * inodes are among PID 1's open files. Only the server's own sockets: another server's
 * 200 must not make this one healthy.
 */
public final class HealthProbe {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	/**
	 * Less than the {@code HEALTHCHECK --timeout} of 10 s, so the probe answers before it
	 * is killed.
	 */
	private static final Duration BUDGET = Duration.ofSeconds(8);

	private static final String PATH = "/actuator/health/readiness";

	private static final int BOOT_DEFAULT_PORT = 8080;

	private HealthProbe() {
	}

	/**
	 * Probes {@code /actuator/health/readiness} on 127.0.0.1 at the ports {@link #ports}
	 * lists, or the URL given as the only argument.
	 */
	public static void main(String[] args) {
		List<URI> targets = (args.length > 0) ? List.of(URI.create(args[0]))
				: ports(System.getenv(), ServerProcess.commandLine(),
						ServerProcess.listeningPorts(ServerProcess.SERVER_PID))
					.stream()
					.map(HealthProbe::readiness)
					.toList();
		System.exit(isAnyHealthy(targets) ? 0 : 1);
	}

	/** The readiness URL on the loopback interface at the given port. */
	static URI readiness(int port) {
		return URI.create("http://127.0.0.1:" + port + PATH);
	}

	/**
	 * The ports to try, in order: the one the configuration names (see the class
	 * comment), then the other listening ones, lowest first.
	 */
	static List<Integer> ports(Map<String, String> environment, List<String> commandLine,
			Collection<Integer> listening) {
		Set<Integer> ports = new LinkedHashSet<>();
		ports.add(configuredPort("management.server.port", environment, commandLine).filter((port) -> port > 0)
			.or(() -> configuredPort("server.port", environment, commandLine).filter((port) -> port > 0))
			.orElse(BOOT_DEFAULT_PORT));
		ports.addAll(new TreeSet<>(listening));
		return new ArrayList<>(ports);
	}

	/**
	 * A port property as Boot resolves it: command-line argument, system property,
	 * environment variable.
	 */
	private static Optional<Integer> configuredPort(String property, Map<String, String> environment,
			List<String> commandLine) {
		List<String> toolOptions = List.of(environment.getOrDefault("JAVA_TOOL_OPTIONS", "").trim().split("\\s+"));
		return lastValue(commandLine, "--" + property + "=").or(() -> lastValue(commandLine, "-D" + property + "="))
			.or(() -> lastValue(toolOptions, "-D" + property + "="))
			.or(() -> Optional.ofNullable(environment.get(property.replace('.', '_').toUpperCase())))
			.flatMap(HealthProbe::parsePort);
	}

	/**
	 * The value of the last argument with the prefix: the JVM and Boot both let the last
	 * one win.
	 */
	private static Optional<String> lastValue(List<String> arguments, String prefix) {
		Optional<String> value = Optional.empty();
		for (String argument : arguments) {
			if (argument.startsWith(prefix)) {
				value = Optional.of(argument.substring(prefix.length()));
			}
		}
		return value;
	}

	private static Optional<Integer> parsePort(String value) {
		try {
			return Optional.of(Integer.parseInt(value.trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether one of the URLs answers 200, tried in order within the probe's time budget.
	 * A 503 is the server's own "not ready" and ends the search: another port cannot
	 * overrule it.
	 */
	static boolean isAnyHealthy(List<URI> targets) {
		Instant deadline = Instant.now().plus(BUDGET);
		for (URI target : targets) {
			if (Instant.now().isAfter(deadline)) {
				return false;
			}
			int status = status(target);
			if (status == 200) {
				return true;
			}
			if (status == 503) {
				return false;
			}
		}
		return false;
	}

	/** Whether the health endpoint at the given URL answers 200 in time. */
	public static boolean isHealthy(URI target) {
		return status(target) == 200;
	}

	/** The HTTP status the URL answers, or -1 if it answers nothing in time. */
	private static int status(URI target) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(TIMEOUT)
			.build();
		HttpRequest request = HttpRequest.newBuilder(target).timeout(TIMEOUT).GET().build();
		try {
			return client.send(request, BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
