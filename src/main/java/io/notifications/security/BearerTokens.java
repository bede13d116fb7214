package io.notifications.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * {@link DefaultBearerTokenResolver} with its regular expression replaced by a loop for a
 * well-formed {@code Bearer <token>}; anything else goes to Spring's, so its answers are
 * Spring's. {@code BearerTokensTests} holds the two equal.
 */
final class BearerTokens implements BearerTokenResolver {

	private static final String PREFIX = "Bearer ";

	private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

	@Override
	public String resolve(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && isWellFormed(authorization)) {
			return authorization.substring(PREFIX.length());
		}
		return this.spring.resolve(request);
	}

	/** Spring's {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitive. */
	static boolean isWellFormed(String authorization) {
		int length = authorization.length();
		if (length <= PREFIX.length() || !startsWithPrefix(authorization)) {
			return false;
		}
		int i = PREFIX.length();
		while (i < length && isTokenCharacter(authorization.charAt(i))) {
			i++;
		}
		if (i == PREFIX.length()) {
			return false;
		}
		while (i < length && authorization.charAt(i) == '=') {
			i++;
		}
		return i == length;
	}

	/** ASCII letters in either case, as CASE_INSENSITIVE without UNICODE_CASE. */
	private static boolean startsWithPrefix(String authorization) {
		for (int i = 0; i < PREFIX.length(); i++) {
			char expected = PREFIX.charAt(i);
			char actual = authorization.charAt(i);
			boolean letter = Character.isLetter(expected);
			if (actual != expected && !(letter && actual == (char) (expected ^ 0x20))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
