package io.notifications.web;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request body sent in a content coding (RFC 9110 section 8.4): the server
 * decodes none, so a body labelled {@code gzip} is neither read as if it were plain nor
 * decoded. Only {@code identity} (in any case, and what no {@code Content-Encoding}
 * means) is accepted. Checked once the handler is known, so a request without credentials
 * still gets its 401, a wrong method its 405 and a wrong content type its 415 first;
 * before anything reads the body.
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
