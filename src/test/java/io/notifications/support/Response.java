package io.notifications.support;

import java.net.http.HttpHeaders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A response as the client received it: status, headers and the raw body text.
 */
public record Response(int status, HttpHeaders headers, String body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public JsonNode json() {
		return JSON.readTree(this.body);
	}

	public String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

}
