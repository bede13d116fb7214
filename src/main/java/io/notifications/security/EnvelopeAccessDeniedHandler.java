package io.notifications.security;

import java.io.IOException;

import io.notifications.web.Envelope;
import io.notifications.web.EnvelopeWriter;
import io.notifications.web.FailureMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 in the envelope; 404 outside the perimeter. */
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
		this.challenge.handle(request, response, accessDeniedException);
		this.writer.write(response, Envelope.failure(403, FailureMessages.FORBIDDEN));
	}

}
