package io.notifications.security;

import java.io.IOException;

import io.notifications.web.Envelope;
import io.notifications.web.EnvelopeWriter;
import io.notifications.web.FailureMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Adds a {@code Basic} challenge to Spring's Bearer one (RFC 9110 section 11.6.1): Java's
 * {@code HttpClient}, .NET's {@code NetworkCredential} and {@code curl --anyauth} send
 * Basic credentials only when challenged for them.
 */
class EnvelopeAuthenticationEntryPoint implements AuthenticationEntryPoint {

	/** Credentials are read as UTF-8 (RFC 7617). */
	static final String BASIC_CHALLENGE = "Basic realm=\"Nexudus notifications\", charset=\"UTF-8\"";

	private static final String NOT_FOUND = EnvelopeAuthenticationEntryPoint.class.getName() + ".notFound";

	private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

	private final EnvelopeWriter writer;

	EnvelopeAuthenticationEntryPoint(EnvelopeWriter writer) {
		this.writer = writer;
	}

	/** Makes the refusal of this request a 404, as for a path that does not exist. */
	static void answerNotFound(HttpServletRequest request) {
		request.setAttribute(NOT_FOUND, Boolean.TRUE);
	}

	static boolean answeredNotFound(HttpServletRequest request, HttpServletResponse response, EnvelopeWriter writer)
			throws IOException {
		if (request.getAttribute(NOT_FOUND) == null) {
			return false;
		}
		writer.write(response, Envelope.failure(404, FailureMessages.forStatus(404)));
		return true;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (answeredNotFound(request, response, this.writer)) {
			return;
		}
		this.challenge.commence(request, response, authException);
		response.addHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
		this.writer.write(response, Envelope.failure(401, FailureMessages.UNAUTHORIZED));
	}

}
