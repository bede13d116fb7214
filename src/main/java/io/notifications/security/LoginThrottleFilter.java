package io.notifications.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import io.notifications.web.EnvelopeWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a throttled sign-in before any password is checked: a throttled guesser costs
 * no bcrypt.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	private final EnvelopeWriter writer;

	LoginThrottleFilter(LoginThrottle throttle, EnvelopeWriter writer) {
		this.throttle = throttle;
		this.writer = writer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> username = signInUsername(request);
		if (username.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		try (LoginThrottle.Turn turn = this.throttle.takeTurn(username.get(), address)) {
			Optional<Duration> wait = this.throttle.wait(username.get(), address);
			if (wait.isPresent()) {
				this.writer.writeTooManyRequests(response, wait.get());
				return;
			}
			chain.doFilter(request, response);
		}
	}

	private static Optional<String> signInUsername(HttpServletRequest request) {
		// there a Basic header holds client credentials (ClientCredentials)
		if (ClientCredentials.TOKEN_ENDPOINT.matches(request)) {
			return "password".equals(request.getParameter("grant_type"))
					? Optional.ofNullable(request.getParameter("username")) : Optional.empty();
		}
		if (ClientCredentials.CLIENT_ENDPOINTS.matches(request)) {
			return Optional.empty();
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return basicUsername(authorization.substring(6).trim());
		}
		return Optional.empty();
	}

	private static Optional<String> basicUsername(String credentials) {
		try {
			String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon >= 0) ? Optional.of(decoded.substring(0, colon)) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			// not Base64: Spring Security refuses it without checking a password
			return Optional.empty();
		}
	}

}
