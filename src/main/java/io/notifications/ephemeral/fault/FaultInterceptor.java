package io.notifications.ephemeral.fault;

import java.io.IOException;
import java.time.Duration;

import io.notifications.ephemeral.journal.JournalEntry.AppliedFault;
import io.notifications.web.Envelope;
import io.notifications.web.EnvelopeWriter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Answers a request with the first fault rule that takes it, before its handler runs:
 * after authentication and authorization, which have let it through, and before anything
 * is changed. A delay lets the request run once it has waited.
 */
final class FaultInterceptor implements HandlerInterceptor {

	/** Nexudus's transient error, which its clients retry. */
	static final String SERVER_ERROR = "Ooops! There was a problem while running this action";

	static final String UNAVAILABLE = "The service is unavailable. Try again shortly.";

	private final FaultRules rules;

	private final EnvelopeWriter writer;

	FaultInterceptor(FaultRules rules, EnvelopeWriter writer) {
		this.rules = rules;
		this.writer = writer;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException, InterruptedException {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		FaultRule rule = this.rules.answering(request.getMethod(), request.getRequestURI(), caller()).orElse(null);
		if (rule == null) {
			return true;
		}
		request.setAttribute(AppliedFault.ATTRIBUTE, new AppliedFault(rule.id(), rule.effect().wireName()));
		switch (rule.effect()) {
			case RATE_LIMITED ->
				this.writer.writeTooManyRequests(response, Duration.ofSeconds(rule.retryAfterSeconds()));
			case SERVER_ERROR -> this.writer.write(response, Envelope.failure(500, SERVER_ERROR));
			case UNAVAILABLE -> {
				response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(rule.retryAfterSeconds()));
				this.writer.write(response, Envelope.failure(503, UNAVAILABLE));
			}
			case DELAY -> {
				Thread.sleep(rule.delayMs());
				return true;
			}
			case DROP -> DropValve.drop(request);
		}
		return false;
	}

	private static String caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication == null || authentication instanceof AnonymousAuthenticationToken) ? null
				: authentication.getName();
	}

}
