package io.notifications.security;

import java.io.IOException;

import io.notifications.web.Envelope;
import io.notifications.web.EnvelopeWriter;
import io.notifications.web.FailureMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers missing or bad credentials with 401 in the envelope, keeping the RFC 6750
 * {@code WWW-Authenticate: Bearer ...} challenge that Spring Security computes.
 */
class EnvelopeAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

	private final EnvelopeWriter writer;

	EnvelopeAuthenticationEntryPoint(EnvelopeWriter writer) {
		this.writer = writer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.challenge.commence(request, response, authException);
		this.writer.write(response, Envelope.failure(401, FailureMessages.UNAUTHORIZED));
	}

}
