package io.notifications.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * After a fetch of the provider's keys could not reach it or timed out, none is tried for
 * a while. Spring Security fetches one at a time while it has no keys (at the first
 * token, or when its cache lapsed), and each token that waited behind a fetch that timed
 * out made one of its own: 8 at once against a provider that hung, the last 15 s.
 */
final class ProviderBackOff implements ClientHttpRequestInterceptor {

	private final Duration pause;

	private final Clock clock;

	private volatile Instant failedAt = Instant.MIN;

	ProviderBackOff(Duration pause, Clock clock) {
		this.pause = pause;
		this.clock = clock;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (this.clock.instant().isBefore(this.failedAt.plus(this.pause))) {
			throw new IOException("The identity provider was not reached less than " + this.pause.toSeconds()
					+ " s ago; not asking again yet");
		}
		try {
			return execution.execute(request, body);
		}
		catch (IOException ex) {
			this.failedAt = this.clock.instant();
			throw ex;
		}
	}

}
