package com.example.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * The code under test: a team's client of Nexudus's CoworkerNotification resource, which retries an
 * update (a PUT, so safe to repeat) when Nexudus answers 429, 500 or 503 or drops the connection,
 * waiting what {@code Retry-After} says (at most {@code maxWait}).
 */
public class NotificationClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final URI baseUrl;

	private final String authorization;

	private final int attempts;

	private final Duration maxWait;

	public NotificationClient(URI baseUrl, String authorization, int attempts, Duration maxWait) {
		this.baseUrl = baseUrl;
		this.authorization = authorization;
		this.attempts = attempts;
		this.maxWait = maxWait;
	}

	/** An answer: its status and body. */
	public record Answer(int status, String body) {
	}

	/** Updates a notification, retrying transient failures; the last answer. */
	public Answer update(int id, int coworkerId, String message, String type, int entityId)
			throws IOException, InterruptedException {
		String json = String.format("{\"Id\":%d,\"CoworkerId\":%d,\"Message\":\"%s\",\"NotificationType\":\"%s\",\"EntityId\":%d}",
				id, coworkerId, message.replace("\\", "\\\\").replace("\"", "\\\""), type, entityId);
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl.resolve("/api/spaces/coworkernotifications"))
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.PUT(BodyPublishers.ofString(json))
			.build();
		IOException dropped = null;
		HttpResponse<String> answer = null;
		for (int attempt = 1; attempt <= this.attempts; attempt++) {
			try {
				answer = this.http.send(request, BodyHandlers.ofString());
				dropped = null;
			}
			catch (IOException ex) {
				dropped = ex;
				continue;
			}
			int status = answer.statusCode();
			if (status != 429 && status != 500 && status != 503) {
				break;
			}
			if (attempt < this.attempts) {
				long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(1);
				Thread.sleep(Math.min(Duration.ofSeconds(seconds).toMillis(), this.maxWait.toMillis()));
			}
		}
		if (dropped != null) {
			throw dropped;
		}
		return new Answer(answer.statusCode(), answer.body());
	}

	/** Reads a notification: the status and the record. */
	public Answer get(int id) throws IOException, InterruptedException {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(this.baseUrl.resolve("/api/spaces/coworkernotifications/" + id))
			.header("Authorization", this.authorization)
			.timeout(Duration.ofSeconds(30))
			.build(), BodyHandlers.ofString());
		return new Answer(answer.statusCode(), answer.body());
	}

}
