package io.notifications.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Actuator answers some refusals of its own with no body: a health component that does
 * not exist, or that the caller may not see, is an empty 404. Under the contract every
 * error is the envelope, so an empty error answer of Actuator's becomes one.
 */
final class ActuatorErrorBodies extends OncePerRequestFilter {

	private final String basePath;

	private final EnvelopeWriter writer;

	ActuatorErrorBodies(String basePath, EnvelopeWriter writer) {
		this.basePath = basePath;
		this.writer = writer;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.equals(this.basePath) && !path.startsWith(this.basePath + "/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, held);
		int status = held.getStatus();
		if (status >= 400 && held.getContentSize() == 0 && !response.isCommitted()) {
			this.writer.write(response, Envelope.failure(status, FailureMessages.forStatus(status)));
			return;
		}
		held.copyBodyToResponse();
	}

}
