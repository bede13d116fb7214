package io.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * The container's health check: asks the running server whether it is ready and exits with 0
 * if it is, 1 if not. Uses nothing but the JDK, so it runs from {@code BOOT-INF/classes} in a
 * JRE image that has no curl or wget.
 */
public final class HealthProbe {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private HealthProbe() {
	}

	/**
	 * Probes {@code http://127.0.0.1:$SERVER_PORT/actuator/health/readiness}, or the URL given as
	 * the only argument.
	 */
	public static void main(String[] args) {
		String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
		URI target = URI.create((args.length > 0) ? args[0] : "http://127.0.0.1:" + port + "/actuator/health/readiness");
		System.exit(isHealthy(target) ? 0 : 1);
	}

	/** Whether the health endpoint at the given URL answers 200 in time. */
	public static boolean isHealthy(URI target) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
		HttpRequest request = HttpRequest.newBuilder(target).timeout(TIMEOUT).GET().build();
		try {
			return client.send(request, BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
