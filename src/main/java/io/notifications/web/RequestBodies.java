package io.notifications.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Reads a request record from a JSON or form body, refusing bodies over the limit before
 * reading them.
 */
@Component
public class RequestBodies {

	/** 1 MiB, the contract's limit on request bodies. */
	public static final int MAX_BODY_BYTES = 1024 * 1024;

	/** The attribute holding a received body's bytes, at most one past the limit. */
	public static final String BODY = RequestBodies.class.getName() + ".body";

	private final RequestBinder binder;

	RequestBodies(RequestBinder binder) {
		this.binder = binder;
	}

	public <T extends Record> T read(HttpServletRequest request, Class<T> type, Set<String> ignored,
			Class<?>... groups) {
		return read(request, body(request), type, ignored, groups);
	}

	public <T extends Record> T read(HttpServletRequest request, byte[] body, Class<T> type, Set<String> ignored,
			Class<?>... groups) {
		String contentType = request.getContentType();
		if (FormBody.isForm(contentType)) {
			return this.binder.bind(FormBody.properties(body, contentType), type, ignored, groups);
		}
		return this.binder.bind(body, type, ignored, groups);
	}

	/** Reads the body once: a second call answers the same bytes. */
	public byte[] body(HttpServletRequest request) {
		if (request.getAttribute(BODY) instanceof byte[] received) {
			if (received.length > MAX_BODY_BYTES) {
				throw new PayloadTooLargeException(MAX_BODY_BYTES);
			}
			return received;
		}
		long length = request.getContentLengthLong();
		if (length > MAX_BODY_BYTES) {
			throw new PayloadTooLargeException(MAX_BODY_BYTES);
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			// a chunked body has no length: read one byte past the limit to tell
			body = in.readNBytes((length >= 0) ? (int) length : MAX_BODY_BYTES + 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (body.length > MAX_BODY_BYTES) {
			throw new PayloadTooLargeException(MAX_BODY_BYTES);
		}
		request.setAttribute(BODY, body);
		return body;
	}

}
