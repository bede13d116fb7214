package io.notifications.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.notifications.web.EnvelopeWriter;
import io.notifications.web.RequestBodies;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * Receives request bodies with non-blocking IO before the request is handled, so that a
 * slow sender holds a connection but no request thread (scarce on Java 17, without
 * virtual threads) and is answered 408 past the deadline. The body is handed on in
 * memory, by an async dispatch unless it came whole with the headers.
 */
class BodyReadingFilter implements Filter {

	/** One byte more than this tells the application that the limit was passed. */
	static final int MAX_BODY_BYTES = RequestBodies.MAX_BODY_BYTES;

	static final String TIMEOUT_MESSAGE = "The request was not received in time.";

	static final String FRAMING_MESSAGE = "The chunked encoding of the request body is invalid.";

	static final String BUSY_MESSAGE = "The server is busy receiving other requests. Try again shortly.";

	private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final ConnectionProperties properties;

	private final EnvelopeWriter writer;

	/** Bytes of bodies held by all requests in progress. */
	private final BodyBudget budget;

	private final ScheduledThreadPoolExecutor deadlines;

	BodyReadingFilter(ConnectionProperties properties, EnvelopeWriter writer) {
		this.properties = properties;
		this.writer = writer;
		this.budget = new BodyBudget(properties.maxBufferedBodies().toBytes());
		this.deadlines = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "body-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		this.deadlines.setRemoveOnCancelPolicy(true);
	}

	@Override
	public void destroy() {
		this.deadlines.shutdownNow();
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = new OneWriteResponse((HttpServletResponse) servletResponse);
		if (!hasBodyToReceive(request) || !request.isAsyncSupported()) {
			chain.doFilter(request, response);
			return;
		}
		// grown as bytes arrive: a declared length alone reserves no memory
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(
				(int) Math.min(Math.max(request.getContentLengthLong(), 1024), 16384));
		if (receivedWithTheHeaders(request, bytes)) {
			// as a small body nearly always is: no async dispatch needed
			request.setAttribute(RequestBodies.BODY, bytes.toByteArray());
			chain.doFilter(new ReceivedBodyRequest(request, bytes), response);
			return;
		}
		AsyncContext async = request.startAsync(new ReceivedBodyRequest(request, bytes), response);
		async.setTimeout(this.properties.bodyTimeout().toMillis());
		BodyReception reception = new BodyReception(request.getInputStream(), bytes, this.budget.reservation(),
				new ReceptionOutcome(async, response, this.writer));
		async.addListener(reception);
		reception.start(this.deadlines, this.properties.bodyTimeout());
	}

	/**
	 * Reads only the bytes already there, so it never waits on the client.
	 * @return whether the whole body came with the headers
	 */
	private static boolean receivedWithTheHeaders(HttpServletRequest request, ByteArrayOutputStream bytes)
			throws IOException {
		long length = request.getContentLengthLong();
		if (length <= 0) {
			return false;
		}
		ServletInputStream in = request.getInputStream();
		byte[] chunk = new byte[(int) Math.min(length, 8192)];
		while (bytes.size() < length && in.available() > 0) {
			int count = in.read(chunk, 0, (int) Math.min(chunk.length, length - bytes.size()));
			if (count == -1) {
				break;
			}
			bytes.write(chunk, 0, count);
		}
		return bytes.size() == length;
	}

	long bufferedBytes() {
		return this.budget.buffered();
	}

	private static boolean hasBodyToReceive(HttpServletRequest request) {
		if (WITHOUT_BODY.contains(request.getMethod())) {
			return false;
		}
		long length = request.getContentLengthLong();
		if (length == -1) {
			return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		}
		// over the limit: the application refuses it before reading it
		return length > 0 && length <= MAX_BODY_BYTES;
	}

}
