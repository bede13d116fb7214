package io.notifications.web;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request body in any content coding but {@code identity} (RFC 9110 section
 * 8.4): none is decoded, so a {@code gzip} body is never read as plain. Checked once the
 * handler is known, so that a 401, 405 or 415 comes first, and before the body is read.
 */
class ContentCodingInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getDispatcherType() != DispatcherType.REQUEST || !hasBody(request)) {
			return true;
		}
		List<String> sent = Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING));
		for (String line : sent) {
			for (String coding : line.split(",")) {
				String name = coding.strip();
				// RFC 9110's lists may hold empty elements
				if (!name.isEmpty() && !name.equalsIgnoreCase("identity")) {
					throw new UnsupportedContentCodingException(String.join(", ", sent));
				}
			}
		}
		return true;
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

}
