package io.notifications.ephemeral.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.notifications.ephemeral.journal.JournalEntry.AppliedFault;
import io.notifications.web.RequestBodies;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Records each request in the {@link RequestJournal} once it has been answered and before
 * the answer leaves (the connection's filter sends it whole when the request ends), so a
 * test that got its answer finds the request. Runs right after the connection's filter,
 * which has received the body by then; the steering paths are left out.
 */
final class JournalFilter implements Filter {

	static final int MAX_BODY_BYTES = 65_536;

	private static final String SECURITY_CONTEXT = RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME;

	private final RequestJournal journal;

	private final Clock clock;

	JournalFilter(RequestJournal journal, Clock clock) {
		this.journal = journal;
		this.clock = clock;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		if (request.getServletPath().startsWith("/ephemeral/")) {
			chain.doFilter(servletRequest, servletResponse);
			return;
		}
		Instant time = this.clock.instant();
		long start = System.nanoTime();
		boolean failed = true;
		try {
			chain.doFilter(servletRequest, servletResponse);
			failed = false;
		}
		finally {
			long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			int status = failed ? 500 : ((HttpServletResponse) servletResponse).getStatus();
			record(request, time, status, durationMs);
		}
	}

	private void record(HttpServletRequest request, Instant time, int status, long durationMs) {
		AppliedFault fault = (request.getAttribute(AppliedFault.ATTRIBUTE) instanceof AppliedFault applied) ? applied
				: null;
		boolean secrets = Credentials.TOKEN_PATHS.contains(request.getServletPath());
		String query = request.getQueryString();
		String contentType = hasBody(request) ? request.getContentType() : null;
		byte[] received = (request.getAttribute(RequestBodies.BODY) instanceof byte[] bytes) ? bytes : null;
		String body = null;
		boolean truncated = contentType != null && received == null;
		if (received != null) {
			truncated = received.length > MAX_BODY_BYTES;
			body = new String(received, 0, Math.min(received.length, MAX_BODY_BYTES), StandardCharsets.UTF_8);
			if (secrets) {
				body = Credentials.redact(body, contentType);
			}
		}
		// on any path: a client that sends a password in a URL sends it to the wrong one
		// too
		String recordedQuery = (query != null) ? Credentials.redactForm(query) : null;
		String recordedBody = body;
		boolean bodyTruncated = truncated;
		int recordedStatus = (fault != null && fault.dropped()) ? 0 : status;
		this.journal.add((sequence) -> new JournalEntry(sequence, time, request.getMethod(), request.getRequestURI(),
				recordedQuery, caller(request), scheme(request), contentType, recordedBody, bodyTruncated,
				recordedStatus, durationMs, fault));
	}

	/** A body of some length, or one that is chunked. */
	private static boolean hasBody(HttpServletRequest request) {
		long length = request.getContentLengthLong();
		return length > 0 || (length == -1 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null);
	}

	/**
	 * The user that authenticated: Spring Security's filters leave the context of a
	 * request that authenticated in this attribute; none is left when authentication
	 * failed or was not tried.
	 */
	private static String caller(HttpServletRequest request) {
		if (request.getAttribute(SECURITY_CONTEXT) instanceof SecurityContext context) {
			Authentication authentication = context.getAuthentication();
			if (authentication != null && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken)) {
				return authentication.getName();
			}
		}
		return null;
	}

	/** The scheme of the Authorization header, spelled as RFC 9110 and 7617 spell it. */
	private static String scheme(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null) {
			return null;
		}
		String scheme = authorization.strip().split("\\s+", 2)[0];
		return switch (scheme.toLowerCase(Locale.ROOT)) {
			case "bearer" -> "Bearer";
			case "basic" -> "Basic";
			default -> scheme;
		};
	}

}
