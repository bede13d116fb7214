package io.notifications.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * How the provider is asked for its discovery document and keys. Its answer is read whole
 * here, and refused past {@link #MAX_ANSWER} bytes or past its time: Spring Security read
 * any size into the heap (300 MB at the keys' address took a server down at its first
 * token). After a fetch that failed, none is tried for a while: Spring Security fetches
 * one at a time while it has no keys (at the first token, or when its cache lapsed), and
 * each token that waited behind a fetch that timed out made one of its own: 8 at once
 * against a provider that hung, the last 15 s.
 */
final class ProviderFetches implements ClientHttpRequestInterceptor {

	/** Far above any provider's keys: Keycloak's take a few kilobytes. */
	static final int MAX_ANSWER = 1024 * 1024;

	private final Duration answerTime;

	private final Duration pause;

	private final Clock clock;

	private volatile Failure last = new Failure(Instant.MIN, "");

	ProviderFetches(Duration answerTime, Duration pause, Clock clock) {
		this.answerTime = answerTime;
		this.pause = pause;
		this.clock = clock;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Failure last = this.last;
		if (this.clock.instant().isBefore(last.at().plus(this.pause))) {
			throw new IOException("The identity provider was not reached less than " + this.pause.toSeconds()
					+ " s ago (" + last.reason() + "); not asking again yet");
		}
		long deadline = System.nanoTime() + this.answerTime.toNanos();
		try (ClientHttpResponse response = execution.execute(request, body)) {
			return new ReadAnswer(response.getStatusCode(), response.getStatusText(), response.getHeaders(),
					read(response.getBody(), deadline));
		}
		catch (IOException ex) {
			IOException named = named(ex, request, deadline);
			this.last = new Failure(this.clock.instant(), named.getMessage());
			throw named;
		}
	}

	/**
	 * The client's timeout ends the answer too; the deadline is checked as it comes. The
	 * body is closed on a failure, before the response, whose close would read the rest
	 * to keep the connection.
	 */
	private byte[] read(InputStream body, long deadline) throws IOException {
		try (body) {
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
				answer.write(buffer, 0, read);
				if (answer.size() > MAX_ANSWER) {
					throw new IOException("The identity provider's answer is over " + MAX_ANSWER + " bytes");
				}
				if (System.nanoTime() > deadline) {
					throw new IOException(
							"The identity provider's answer took over " + this.answerTime.toSeconds() + " s");
				}
			}
			return answer.toByteArray();
		}
	}

	/**
	 * For the log: the JDK's client says "ConnectException: null" of a refused
	 * connection, and "Request cancelled" of an answer its timeout ended.
	 */
	private IOException named(IOException failure, HttpRequest request, long deadline) {
		if (failure instanceof HttpConnectTimeoutException) {
			return failure;
		}
		if (System.nanoTime() - deadline >= 0) {
			return new IOException("The identity provider's answer took over " + this.answerTime.toSeconds() + " s",
					failure);
		}
		if (failure.getMessage() == null) {
			String what = (failure instanceof ConnectException) ? "Could not connect"
					: failure.getClass().getSimpleName();
			return new IOException(what + " to " + request.getURI().getAuthority(), failure);
		}
		return failure;
	}

	private record Failure(Instant at, String reason) {
	}

	/** The provider's answer as read. */
	private record ReadAnswer(HttpStatusCode getStatusCode, String getStatusText, HttpHeaders getHeaders,
			byte[] answer) implements ClientHttpResponse {

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.answer);
		}

		@Override
		public void close() {
		}

	}

}
