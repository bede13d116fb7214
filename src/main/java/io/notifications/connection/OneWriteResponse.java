package io.notifications.connection;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that Spring MVC cannot flush before it is complete. Spring flushes every
 * {@code ResponseEntity} it writes, which commits the response with a body of unknown
 * length: Tomcat then sends the headers and body in one write and a chunked encoding's
 * last chunk in another. Unflushed, a body that fits Tomcat's buffer (8 KiB) goes out in
 * one write, with its {@code Content-Length}, when the request ends; a larger one is sent
 * chunked as the buffer fills. Nothing here streams a response, so nothing waits for a
 * flush (docs/performance.md).
 */
final class OneWriteResponse extends HttpServletResponseWrapper {

	OneWriteResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public void flushBuffer() {
		// the container sends the buffer when the request ends, or when it is full
	}

}
