package io.notifications.security;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import io.notifications.ratelimit.RateLimitFilter;
import io.notifications.web.Envelope;
import io.notifications.web.EnvelopeWriter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * What a bearer token that was not accepted gets. It counts against its client address,
 * as a request without credentials does: the rate limit comes after authentication and
 * never saw it, so a flood of bad tokens (each one with an unknown key id a fetch of an
 * external provider's keys) was unlimited. Keys that could not be had from the provider
 * are a 503, since the token may be good; Spring rethrows that failure, a 500 with a
 * stack trace.
 */
final class BearerFailures implements AuthenticationFailureHandler {

	static final String PROVIDER_UNAVAILABLE = "The identity provider is unavailable. Try again shortly.";

	private static final Log logger = LogFactory.getLog(BearerFailures.class);

	private static final long WARN_EVERY_NANOS = 60_000_000_000L;

	private final AuthenticationEntryPoint entryPoint;

	private final RateLimitFilter rateLimit;

	private final EnvelopeWriter writer;

	private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

	/**
	 * @param rateLimit {@code null} without rate limits
	 */
	BearerFailures(AuthenticationEntryPoint entryPoint, RateLimitFilter rateLimit, EnvelopeWriter writer) {
		this.entryPoint = entryPoint;
		this.rateLimit = rateLimit;
		this.writer = writer;
	}

	/** Sets it on Spring's bearer filter, which has no setting for it. */
	ObjectPostProcessor<BearerTokenAuthenticationFilter> onTheBearerFilter() {
		return new ObjectPostProcessor<>() {

			@Override
			public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
				filter.setAuthenticationFailureHandler(BearerFailures.this);
				return filter;
			}

		};
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (this.rateLimit != null && this.rateLimit.overLimitByAddress(request, response)) {
			return;
		}
		if (exception instanceof AuthenticationServiceException) {
			warnOnceAMinute(exception);
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			this.writer.write(response, Envelope.failure(503, PROVIDER_UNAVAILABLE));
			return;
		}
		this.entryPoint.commence(request, response, exception);
	}

	/** Any caller can send a token: the log says it once a minute, not per request. */
	private void warnOnceAMinute(AuthenticationException exception) {
		long last = this.lastWarned.get();
		long now = System.nanoTime();
		if (now - last >= WARN_EVERY_NANOS && this.lastWarned.compareAndSet(last, now)) {
			logger.warn("Bearer tokens cannot be checked: " + exception.getMessage());
		}
	}

}
