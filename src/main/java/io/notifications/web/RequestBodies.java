package io.notifications.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Reads a request record from the body: refuses bodies over the limit before reading
 * them, then binds and validates with Nexudus's rules ({@link RequestBinder}), from JSON
 * or from a form ({@link FormBody}), as the content type says.
 */
@Component
public class RequestBodies {

	/** 1 MiB, the contract's limit on request bodies. */
	public static final int MAX_BODY_BYTES = 1024 * 1024;

	/**
	 * The request attribute that holds a body once received, by the connection's filter
	 * or by {@link #body}: its bytes, one past the limit at most.
	 */
	public static final String BODY = RequestBodies.class.getName() + ".body";

	private final RequestBinder binder;

	RequestBodies(RequestBinder binder) {
		this.binder = binder;
	}

	/**
	 * Reads and validates a request record.
	 * @param ignored wire names of properties left unset whatever the body holds for them
	 * @param groups Bean Validation groups to check besides the default group
	 * @throws PayloadTooLargeException if the body is over {@link #MAX_BODY_BYTES}
	 * @throws UnreadableBodyException if the body is not a single JSON object, or not a
	 * form
	 * @throws InvalidRequestException if any property fails
	 */
	public <T extends Record> T read(HttpServletRequest request, Class<T> type, Set<String> ignored,
			Class<?>... groups) {
		return read(request, body(request), type, ignored, groups);
	}

	/**
	 * Reads and validates a request record from its body, already read by {@link #body}:
	 * a form when the request's content type says so, else JSON.
	 * @throws UnreadableBodyException if the body is not a single JSON object, or not a
	 * form
	 * @throws InvalidRequestException if any property fails
	 */
	public <T extends Record> T read(HttpServletRequest request, byte[] body, Class<T> type, Set<String> ignored,
			Class<?>... groups) {
		String contentType = request.getContentType();
		if (FormBody.isForm(contentType)) {
			return this.binder.bind(FormBody.properties(body, contentType), type, ignored, groups);
		}
		return this.binder.bind(body, type, ignored, groups);
	}

	/**
	 * Reads the body's bytes, once: a second call answers the same bytes.
	 * @throws PayloadTooLargeException if the body is over {@link #MAX_BODY_BYTES}
	 */
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
			// a known length is read into an array of that size; a chunked body has none:
			// read one
			// byte past the limit to tell
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
