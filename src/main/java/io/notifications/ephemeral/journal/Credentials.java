package io.notifications.ephemeral.journal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import io.notifications.web.FormBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Takes the secrets out of what the token endpoints received, and out of every query
 * string, before the journal keeps it: the values of {@code password}, {@code totp},
 * {@code client_secret}, {@code refresh_token} and {@code token} (names in any case)
 * become {@code ***}, and nothing else of the text changes. Text that cannot be read past
 * some point is kept up to that point only, so a secret cannot hide in a malformed body.
 */
final class Credentials {

	static final Set<String> TOKEN_PATHS = Set.of("/api/token", "/api/token/revoke");

	private static final Set<String> SECRETS = Set.of("password", "totp", "client_secret", "refresh_token", "token");

	private static final String REDACTED = "***";

	private static final JsonFactory JSON = new JsonFactory();

	private Credentials() {
	}

	/** A body of a token endpoint: a form, else JSON, as the endpoint reads it. */
	static String redact(String body, String contentType) {
		return FormBody.isForm(contentType) ? redactForm(body) : redactJson(body);
	}

	/** A JSON document with the secrets' values replaced by the string {@code "***"}. */
	static String redactJson(String json) {
		StringBuilder redacted = new StringBuilder(json.length());
		int copied = 0;
		int readUpTo = 0;
		try (JsonParser parser = JSON.createParser(json)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				readUpTo = offset(parser.currentTokenLocation().getCharOffset());
				if (token == JsonToken.PROPERTY_NAME && isSecret(parser.currentName()) && parser.nextToken() != null) {
					int start = offset(parser.currentTokenLocation().getCharOffset());
					readUpTo = start;
					parser.skipChildren();
					parser.finishToken();
					redacted.append(json, copied, start).append('"').append(REDACTED).append('"');
					copied = offset(parser.currentLocation().getCharOffset());
					readUpTo = copied;
				}
			}
			return redacted.append(json, copied, json.length()).toString();
		}
		catch (JacksonException ex) {
			return redacted.append(json, copied, Math.max(copied, readUpTo)).append(REDACTED).toString();
		}
	}

	/** A form (or query string) with the secrets' values replaced by {@code ***}. */
	static String redactForm(String form) {
		StringBuilder redacted = new StringBuilder(form.length());
		for (String pair : form.split("&", -1)) {
			if (!redacted.isEmpty()) {
				redacted.append('&');
			}
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			redacted.append(isSecret(decode(name)) ? name + "=" + REDACTED : pair);
		}
		return redacted.toString();
	}

	private static boolean isSecret(String name) {
		return name != null && SECRETS.contains(name.toLowerCase(Locale.ROOT));
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	private static int offset(long charOffset) {
		return (int) charOffset;
	}

}
