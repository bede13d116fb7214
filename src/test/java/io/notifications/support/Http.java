package io.notifications.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP calls to an application at any base URL, for tests that run more than one.
 */
public final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private Http() {
	}

	public static Response get(String url, String authorization) throws IOException {
		return send("GET", url, null, BodyPublishers.noBody(), authorization);
	}

	public static Response putJson(String url, String json, String authorization) throws IOException {
		return send("PUT", url, "application/json", BodyPublishers.ofString(json, StandardCharsets.UTF_8),
				authorization);
	}

	public static Response postJson(String url, String json, String authorization) throws IOException {
		return send("POST", url, "application/json", BodyPublishers.ofString(json, StandardCharsets.UTF_8),
				authorization);
	}

	public static Response postForm(String url, String form) throws IOException {
		return send("POST", url, "application/x-www-form-urlencoded",
				BodyPublishers.ofString(form, StandardCharsets.UTF_8), null);
	}

	/**
	 * Sends a request and waits for its response.
	 * @throws IOException if the connection failed or broke, as when the server is killed
	 */
	public static Response send(String method, String url, String contentType, BodyPublisher body, String authorization)
			throws IOException {
		return send(method, url, contentType, body, authorization, Map.of());
	}

	/**
	 * Sends a request with more headers, such as {@code If-Match}, and waits for its
	 * response.
	 * @throws IOException if the connection failed or broke
	 */
	public static Response send(String method, String url, String contentType, BodyPublisher body, String authorization,
			Map<String, String> headers) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).method(method, body);
		headers.forEach(request::header);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			var response = CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

}
