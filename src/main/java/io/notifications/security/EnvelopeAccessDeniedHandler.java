package io.notifications.security;

import java.io.IOException;

import io.notifications.web.Envelope;
import io.notifications.web.EnvelopeWriter;
import io.notifications.web.FailureMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 403 in the envelope; 404 outside the perimeter. Only a bearer token is challenged
 * ({@code insufficient_scope}, RFC 6750): Spring's handler gives a Basic caller a bare
 * {@code Bearer} challenge, which asks for a scheme the caller did not use.
 */
class EnvelopeAccessDeniedHandler implements AccessDeniedHandler {

	private final BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();

	private final EnvelopeWriter writer;

	EnvelopeAccessDeniedHandler(EnvelopeWriter writer) {
		this.writer = writer;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		if (EnvelopeAuthenticationEntryPoint.answeredNotFound(request, response, this.writer)) {
			return;
		}
		if (SecurityContextHolder.getContext()
			.getAuthentication() instanceof AbstractOAuth2TokenAuthenticationToken<?>) {
			this.challenge.handle(request, response, accessDeniedException);
		}
		this.writer.write(response, Envelope.failure(403, FailureMessages.FORBIDDEN));
	}

}
