package io.notifications.connection;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Ignores the flush Spring MVC does after every {@code ResponseEntity}, which commits a
 * body of unknown length, sent chunked in two writes. Unflushed, a body that fits
 * Tomcat's buffer (8 KiB) goes out in one write with its {@code Content-Length}. Nothing
 * here streams, so nothing waits for a flush (docs/performance.md).
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
