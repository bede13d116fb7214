package io.notifications.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.notifications.web.EnvelopeWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs in the security filter chain once the caller is known: a user is limited by name;
 * a request without credentials, and every {@code /api/token} request, whose caller is
 * not yet authenticated, by client address.
 */
public class RateLimitFilter extends OncePerRequestFilter {

	private static final Set<String> WRITES = Set.of("PUT", "POST", "DELETE");

	private static final RequestMatcher TOKEN_ENDPOINT = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/api/token");

	private final SecurityContextHolderStrategy securityContext = SecurityContextHolder.getContextHolderStrategy();

	private final RateLimiter limiter;

	private final EnvelopeWriter writer;

	private final RequestMatcher exempt;

	/**
	 * @param exempt requests that are not the API's traffic and are never limited, such
	 * as health probes: load balancers probe from few addresses, often those that forward
	 * anonymous API traffic, and a 429 would take a healthy instance out
	 */
	public RateLimitFilter(RateLimiter limiter, EnvelopeWriter writer, RequestMatcher exempt) {
		this.limiter = limiter;
		this.writer = writer;
		this.exempt = exempt;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.exempt.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> wait = this.limiter.tryAcquire(caller(request), WRITES.contains(request.getMethod()));
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		this.writer.writeTooManyRequests(response, wait.get());
	}

	/**
	 * Counts a request that authentication refused before this filter, by its client
	 * address as one without credentials.
	 * @return whether it was over the limit, and answered 429
	 */
	public boolean overLimitByAddress(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (this.exempt.matches(request)) {
			return false;
		}
		Optional<Duration> wait = this.limiter.tryAcquire(byAddress(request), WRITES.contains(request.getMethod()));
		if (wait.isEmpty()) {
			return false;
		}
		this.writer.writeTooManyRequests(response, wait.get());
		return true;
	}

	private static String byAddress(HttpServletRequest request) {
		return "address:" + request.getRemoteAddr();
	}

	private String caller(HttpServletRequest request) {
		Authentication authentication = this.securityContext.getContext().getAuthentication();
		if (TOKEN_ENDPOINT.matches(request) || authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return byAddress(request);
		}
		return "user:" + authentication.getName();
	}

}
