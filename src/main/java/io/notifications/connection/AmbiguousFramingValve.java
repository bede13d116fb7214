package io.notifications.connection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses with 400, and closes, a request whose body two parsers may frame differently,
 * the start of request smuggling behind a proxy (RFC 9112 section 6.3): one with both
 * {@code Transfer-Encoding} and {@code Content-Length}, or an HTTP/1.0 one with
 * {@code Transfer-Encoding}, which HTTP/1.0 does not have (section 6.1 says to treat it
 * as faulty framing and close; Tomcat decoded it and kept the connection). Tomcat removes
 * the length header before any valve runs, so this reads the raw header bytes, which stay
 * in Tomcat's input buffer during the request.
 */
class AmbiguousFramingValve extends ValveBase {

	private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

	private final JsonMapper jsonMapper;

	AmbiguousFramingValve(JsonMapper jsonMapper) {
		super(true);
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		if (request.getHeader("Transfer-Encoding") != null
				&& ("HTTP/1.0".equals(request.getProtocol()) || sentContentLength(request))) {
			response.setStatus(400);
			response.setHeader("Connection", "close");
			EnvelopeErrorReportValve.write(this.jsonMapper, response, 400);
			return;
		}
		getNext().invoke(request, response);
	}

	static boolean sentContentLength(Request request) {
		if (!(request.getCoyoteRequest().getInputBuffer() instanceof ApplicationBufferHandler handler)) {
			return false;
		}
		ByteBuffer buffer = handler.getByteBuffer();
		if (buffer == null || !buffer.hasArray()) {
			return false;
		}
		byte[] bytes = buffer.array();
		int end = buffer.arrayOffset() + buffer.limit();
		boolean lineStart = false;
		for (int at = buffer.arrayOffset(); at < end; at++) {
			byte b = bytes[at];
			if (b == '\n') {
				if (lineStart) {
					// an empty line: the end of the headers
					return false;
				}
				lineStart = true;
				continue;
			}
			if (lineStart && b != '\r') {
				if (startsWithIgnoringCase(bytes, at, end, CONTENT_LENGTH)) {
					return true;
				}
				lineStart = false;
			}
		}
		return false;
	}

	private static boolean startsWithIgnoringCase(byte[] bytes, int at, int end, byte[] prefix) {
		if (end - at < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (Character.toLowerCase(bytes[at + i]) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
