package io.notifications.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes an envelope straight to the servlet response, for failures raised outside Spring MVC
 * (security, rate limits).
 */
@Component
public class EnvelopeWriter {

	private final JsonMapper jsonMapper;

	public EnvelopeWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	public void write(HttpServletResponse response, Envelope envelope) throws IOException {
		response.setStatus(envelope.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.jsonMapper.writeValue(response.getOutputStream(), envelope);
	}

}
