package io.notifications.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The harness's own calls to a running server, all with {@link java.net.http}: the reset, tokens and
 * the steering API of CONTRACT.md section 7, as the Administrator with Basic authentication.
 */
final class ServerConnection {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final URI baseUrl;

	private final String administrator;

	ServerConnection(URI baseUrl, String administratorEmail, String administratorPassword) {
		this.baseUrl = baseUrl;
		this.administrator = basic(administratorEmail, administratorPassword);
	}

	URI baseUrl() {
		return this.baseUrl;
	}

	static String basic(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** {@code POST /ephemeral/reset}: the fixtures restored, everything else emptied. */
	void reset() {
		HttpResponse<String> answer = send("POST", "/ephemeral/reset", null, this.administrator);
		if (answer.statusCode() / 100 != 2) {
			throw failure("POST /ephemeral/reset", answer);
		}
	}

	/** An access token from {@code POST /api/token} with the password grant. */
	String token(String email, String password) {
		String form = "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl.resolve("/api/token"))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> answer = send(request);
		if (answer.statusCode() != 200) {
			throw failure("POST /api/token for " + email, answer);
		}
		Object token = JsonFields.of(Json.parse(answer.body()), "The token answer").value("access_token");
		if (!(token instanceof String accessToken)) {
			throw failure("POST /api/token for " + email + " (no access_token)", answer);
		}
		return accessToken;
	}

	/**
	 * A steering call as the Administrator: the parsed JSON of a 200, or {@code null} for a 204.
	 * Anything else is a {@link NotificationsServerException} that quotes the server's envelope.
	 */
	Object steer(String method, String pathAndQuery, Object body) {
		HttpResponse<String> answer = send(method, pathAndQuery, (body != null) ? Json.write(body) : null,
				this.administrator);
		if (answer.statusCode() == 204) {
			return null;
		}
		if (answer.statusCode() != 200) {
			throw failure(method + " " + pathAndQuery, answer);
		}
		try {
			return Json.parse(answer.body());
		}
		catch (IllegalArgumentException ex) {
			throw new NotificationsServerException(method + " " + pathAndQuery + " answered 200 with a body that is "
					+ ex.getMessage(), answer.statusCode(), answer.body());
		}
	}

	private HttpResponse<String> send(String method, String pathAndQuery, String json, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.baseUrl.resolve(pathAndQuery))
			.timeout(TIMEOUT)
			.header("Authorization", authorization)
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, (json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody());
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new NotificationsServerException(request.method() + " " + request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NotificationsServerException(request.method() + " " + request.uri() + " was interrupted", ex);
		}
	}

	/** An error that says what the server answered, its envelope's Message and Errors first. */
	static NotificationsServerException failure(String call, HttpResponse<String> answer) {
		return failure(call, answer.statusCode(), answer.body());
	}

	static NotificationsServerException failure(String call, int status, String body) {
		StringBuilder message = new StringBuilder(call).append(" answered ").append(status);
		JsonFields envelope = null;
		try {
			envelope = JsonFields.of(Json.parse(body), "The answer");
		}
		catch (RuntimeException notAnEnvelope) {
			// not JSON: quoted as it is below
		}
		if (envelope != null && envelope.string("Message") != null) {
			message.append(": ").append(envelope.string("Message").replaceFirst("\\.$", ""));
			Object errors = envelope.value("Errors");
			if (errors instanceof List<?> list && !list.isEmpty()) {
				message.append(' ').append(Json.write(errors));
			}
		}
		else if (envelope != null && envelope.string("error") != null) {
			message.append(": ").append(envelope.string("error"));
			if (envelope.string("error_description") != null) {
				message.append(" (").append(envelope.string("error_description")).append(')');
			}
		}
		else if (body != null && !body.isBlank()) {
			message.append(": ").append((body.length() > 500) ? body.substring(0, 500) + "..." : body);
		}
		boolean steering = call.contains(" /ephemeral/") && !call.contains("/ephemeral/reset");
		boolean noSuchEndpoint = status == 404 && (envelope == null || !(envelope.value("Errors") instanceof List<?> errors)
				|| errors.isEmpty());
		if (steering && noSuchEndpoint) {
			message.append(". This server has no such steering endpoint: the journal, faults and clock"
					+ " (CONTRACT.md section 7) need a server that implements them");
		}
		return new NotificationsServerException(message.toString(), status, body);
	}

}
