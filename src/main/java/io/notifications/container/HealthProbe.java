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
import java.util.function.Consumer;

/**
 * The container's health check: exits 0 if the server is ready, 1 if not. JDK only, so it
 * runs in any JRE image. A process of its own, it tries the port the configuration names
 * as Boot resolves it, then every port the server process listens on, never another
 * server's (docs/container.md).
 */
public final class HealthProbe {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	/** Less than the {@code HEALTHCHECK --timeout} of 10 s. */
	private static final Duration BUDGET = Duration.ofSeconds(8);

	private static final String PATH = "/actuator/health/readiness";

	private static final int BOOT_DEFAULT_PORT = 8080;

	private HealthProbe() {
	}

	/** An argument, if any, is the URL to probe. */
	public static void main(String[] args) {
		List<URI> targets = (args.length > 0) ? List.of(URI.create(args[0]))
				: ports(System.getenv(), ServerProcess.commandLine(),
						ServerProcess.listeningPorts(ServerProcess.SERVER_PID))
					.stream()
					.map(HealthProbe::readiness)
					.toList();
		List<String> why = new ArrayList<>();
		boolean healthy = isAnyHealthy(targets, why::add);
		if (!healthy) {
			// the container engine keeps what a failed check prints (docker inspect)
			why.forEach(System.out::println);
		}
		System.exit(healthy ? 0 : 1);
	}

	static URI readiness(int port) {
		return URI.create("http://127.0.0.1:" + port + PATH);
	}

	/** The configured port first, then the other listening ones, lowest first. */
	static List<Integer> ports(Map<String, String> environment, List<String> commandLine,
			Collection<Integer> listening) {
		Set<Integer> ports = new LinkedHashSet<>();
		ports.add(configuredPort("management.server.port", environment, commandLine).filter((port) -> port > 0)
			.or(() -> configuredPort("server.port", environment, commandLine).filter((port) -> port > 0))
			.orElse(BOOT_DEFAULT_PORT));
		ports.addAll(new TreeSet<>(listening));
		return new ArrayList<>(ports);
	}

	/** In Boot's order: command-line argument, system property, environment variable. */
	private static Optional<Integer> configuredPort(String property, Map<String, String> environment,
			List<String> commandLine) {
		List<String> toolOptions = List.of(environment.getOrDefault("JAVA_TOOL_OPTIONS", "").trim().split("\\s+"));
		return lastValue(commandLine, "--" + property + "=").or(() -> lastValue(commandLine, "-D" + property + "="))
			.or(() -> lastValue(toolOptions, "-D" + property + "="))
			.or(() -> Optional.ofNullable(environment.get(property.replace('.', '_').toUpperCase())))
			.flatMap(HealthProbe::parsePort);
	}

	/** The JVM and Boot both let the last one win. */
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
	 * A 503 is the server's own "not ready" and ends the search: another port cannot
	 * overrule it.
	 */
	static boolean isAnyHealthy(List<URI> targets) {
		return isAnyHealthy(targets, (why) -> {
		});
	}

	/** Tells {@code report} why, when no target is healthy. */
	static boolean isAnyHealthy(List<URI> targets, Consumer<String> report) {
		Instant deadline = Instant.now().plus(BUDGET);
		for (URI target : targets) {
			if (Instant.now().isAfter(deadline)) {
				report.accept("Not ready: no answer within " + BUDGET.toSeconds() + " s");
				return false;
			}
			int status = status(target);
			if (status == 200) {
				return true;
			}
			if (status == 503) {
				report.accept("Not ready: " + target + " answered 503 (starting, stopping, or its database away)");
				return false;
			}
			report.accept(target + ((status < 0) ? " did not answer" : " answered " + status));
		}
		if (targets.isEmpty()) {
			report.accept("Not ready: the server listens on no port");
		}
		return false;
	}

	public static boolean isHealthy(URI target) {
		return status(target) == 200;
	}

	/** -1 if nothing answers in time. */
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
