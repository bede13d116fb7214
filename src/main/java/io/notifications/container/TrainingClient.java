package io.notifications.container;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The training run's requests, each expected to get a given status. */
final class TrainingClient {

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	TrainingClient(String base) {
		this.base = base;
	}

	/**
	 * Sends a request and answers its body.
	 * @throws AssertionError if the answer's status is not the one expected
	 */
	String expect(int status, String method, String path, String authorization, String contentType, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		HttpResponse<String> response = this.client.send(request.build(), BodyHandlers.ofString());
		if (response.statusCode() != status) {
			throw new AssertionError(method + " " + path + ": expected " + status + ", got " + response.statusCode()
					+ " " + response.body());
		}
		return response.body();
	}

	static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("No " + pattern + " in " + text);
		}
		return matcher.group(1);
	}

}
