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
 * Answers missing or bad credentials with 401 in the envelope, keeping the RFC 6750
 * {@code WWW-Authenticate: Bearer ...} challenge that Spring Security computes and adding
 * a {@code Basic} one in a second header field (RFC 9110 section 11.6.1): clients that
 * send Basic credentials only when challenged for them (Java's {@code HttpClient} with an
 * {@code Authenticator}, .NET's {@code NetworkCredential}, {@code curl --anyauth}) then
 * sign in. A request outside the perimeter is answered 404 instead, whoever sends it.
 */
class EnvelopeAuthenticationEntryPoint implements AuthenticationEntryPoint {

	/** The Basic challenge; credentials are read as UTF-8 (RFC 7617). */
	static final String BASIC_CHALLENGE = "Basic realm=\"Nexudus notifications\", charset=\"UTF-8\"";

	/** Set on a request that no rule of the perimeter lets in. */
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

	/** Answers 404 if the request is outside the perimeter. */
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
