package io.notifications.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes an envelope straight to the servlet response, for failures raised outside Spring
 * MVC (security, rate limits).
 */
@Component
public class EnvelopeWriter {

	private final JsonMapper jsonMapper;

	public EnvelopeWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * UTF-8, with no charset in the Content-Type, as every other JSON answer. Sent when
	 * the request ends, as Spring MVC's answers are: closing the stream, or writing a
	 * declared length in full, would send it before the filters it returns through have
	 * run (the ephemeral journal records the request there).
	 */
	public void write(HttpServletResponse response, Envelope envelope) throws IOException {
		response.setStatus(envelope.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(envelope));
	}

	/** Sent at once, for an answer needed on the wire before the connection closes. */
	public void send(HttpServletResponse response, Envelope envelope) throws IOException {
		byte[] body = this.jsonMapper.writeValueAsBytes(envelope);
		response.setStatus(envelope.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		ServletOutputStream out = response.getOutputStream();
		out.write(body);
		out.flush();
	}

	/**
	 * Nexudus's 429: the wait in whole seconds, rounded up, in {@code Retry-After} and in
	 * the message, for rate limits and throttled sign-ins alike.
	 */
	public void writeTooManyRequests(HttpServletResponse response, Duration wait) throws IOException {
		long seconds = Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		write(response, Envelope.failure(429, "Wait " + seconds + " seconds before accessing this url again."));
	}

}
