package io.notifications.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.notifications.web.Envelope;
import io.notifications.web.EnvelopeWriter;
import io.notifications.web.RequestBodies;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;

/**
 * Receives every request body with non-blocking IO before the request is handled, so that a client
 * that sends its body slowly (or never) holds a connection but no request thread, and is answered
 * 408 when the body is not complete within the deadline. The complete body is then handed on by an
 * async dispatch, in memory; a body that arrived whole with the headers is handed on at once. Bodies over 1 MiB are not received: the application refuses them.
 * Request threads are the scarce resource on Java 17 (no virtual threads), so this is what keeps
 * 250 slow senders from starving every other request.
 */
class BodyReadingFilter implements Filter {

	/** The contract's limit on request bodies; one byte more tells the application it was passed. */
	static final int MAX_BODY_BYTES = RequestBodies.MAX_BODY_BYTES;

	static final String TIMEOUT_MESSAGE = "The request was not received in time.";

	static final String BUSY_MESSAGE = "The server is busy receiving other requests. Try again shortly.";

	private static final Log logger = LogFactory.getLog(BodyReadingFilter.class);

	private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final ConnectionProperties properties;

	private final EnvelopeWriter writer;

	/** Bytes of bodies held by requests in progress, over all of them. */
	private final AtomicLong buffered = new AtomicLong();

	BodyReadingFilter(ConnectionProperties properties, EnvelopeWriter writer) {
		this.properties = properties;
		this.writer = writer;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		if (!hasBodyToReceive(request) || !request.isAsyncSupported()) {
			chain.doFilter(request, response);
			return;
		}
		ReceivedBody body = new ReceivedBody(request.getContentLengthLong());
		if (receivedWithTheHeaders(request, body)) {
			// as a small body nearly always is: handed on at once, without the cost of an async dispatch
			chain.doFilter(new ReceivedBodyRequest(request, body.bytes), response);
			return;
		}
		AsyncContext async = request.startAsync(new ReceivedBodyRequest(request, body.bytes), response);
		async.setTimeout(this.properties.bodyTimeout().toMillis());
		Reception reception = new Reception(async, request.getInputStream(), response, body);
		async.addListener(reception);
		if (!reception.reserve(body.bytes.size())) {
			reception.answer(503, BUSY_MESSAGE, true);
			return;
		}
		request.getInputStream().setReadListener(reception);
	}

	/**
	 * Takes what of a body of known length Tomcat has already received with the headers. Reads only
	 * bytes that are there, so it never waits on the client.
	 * @return whether that was the whole body
	 */
	private static boolean receivedWithTheHeaders(HttpServletRequest request, ReceivedBody body) throws IOException {
		long length = request.getContentLengthLong();
		if (length <= 0) {
			return false;
		}
		ServletInputStream in = request.getInputStream();
		byte[] chunk = new byte[(int) Math.min(length, 8192)];
		while (body.bytes.size() < length && in.available() > 0) {
			int count = in.read(chunk, 0, (int) Math.min(chunk.length, length - body.bytes.size()));
			if (count == -1) {
				break;
			}
			body.bytes.write(chunk, 0, count);
		}
		return body.bytes.size() == length;
	}

	/** Bytes of bodies held by requests in progress now. */
	long bufferedBytes() {
		return this.buffered.get();
	}

	/** Bodies that may arrive: any declared length up to the limit, or chunked. */
	private static boolean hasBodyToReceive(HttpServletRequest request) {
		if (WITHOUT_BODY.contains(request.getMethod())) {
			return false;
		}
		long length = request.getContentLengthLong();
		if (length == -1) {
			return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		}
		// over the limit: the application refuses it before reading, no need to receive it
		return length > 0 && length <= MAX_BODY_BYTES;
	}

	/** The bytes received so far. */
	private static final class ReceivedBody {

		private final ByteArrayOutputStream bytes;

		ReceivedBody(long declaredLength) {
			// grown as bytes arrive: a declared length alone reserves no memory
			this.bytes = new ByteArrayOutputStream((int) Math.min(Math.max(declaredLength, 1024), 16384));
		}

	}

	/**
	 * One body being received: reads what has arrived whenever Tomcat says more is ready, then
	 * dispatches; or answers 408 at the deadline. Exactly one of the two happens.
	 */
	private final class Reception implements ReadListener, AsyncListener {

		private final AsyncContext async;

		private final ServletInputStream in;

		private final HttpServletResponse response;

		private final ReceivedBody body;

		private final byte[] chunk = new byte[8192];

		private final AtomicBoolean settled = new AtomicBoolean();

		private long reserved;

		Reception(AsyncContext async, ServletInputStream in, HttpServletResponse response, ReceivedBody body) {
			this.async = async;
			this.in = in;
			this.response = response;
			this.body = body;
		}

		@Override
		public void onDataAvailable() throws IOException {
			while (!this.settled.get() && this.in.isReady()) {
				int count = this.in.read(this.chunk);
				if (count == -1) {
					return;
				}
				if (!reserve(count)) {
					answer(503, BUSY_MESSAGE, true);
					return;
				}
				this.body.bytes.write(this.chunk, 0, count);
				if (this.body.bytes.size() > MAX_BODY_BYTES) {
					// enough for the application to tell that the body is too large; the rest is not received
					dispatch();
					return;
				}
			}
		}

		@Override
		public void onAllDataRead() {
			dispatch();
		}

		@Override
		public void onError(Throwable failure) {
			// the client went away or sent a malformed chunked body: nobody is waiting for an answer
			// to the first, and Tomcat answers the second itself
			if (this.settled.compareAndSet(false, true)) {
				release();
				this.async.complete();
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) throws IOException {
			answer(408, TIMEOUT_MESSAGE, false);
		}

		@Override
		public void onComplete(AsyncEvent event) {
			release();
		}

		@Override
		public void onError(AsyncEvent event) {
			release();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

		private void dispatch() {
			if (this.settled.compareAndSet(false, true)) {
				this.async.dispatch();
			}
		}

		private void answer(int status, String message, boolean retry) throws IOException {
			if (!this.settled.compareAndSet(false, true)) {
				return;
			}
			try {
				// the rest of the body may still be on its way: close rather than read it
				this.response.setHeader(HttpHeaders.CONNECTION, "close");
				if (retry) {
					this.response.setHeader(HttpHeaders.RETRY_AFTER, "1");
				}
				BodyReadingFilter.this.writer.write(this.response, Envelope.failure(status, message));
			}
			catch (IOException | IllegalStateException ex) {
				logger.debug("Could not answer a request whose body did not arrive", ex);
			}
			finally {
				this.async.complete();
			}
		}

		private boolean reserve(int count) {
			long total = BodyReadingFilter.this.buffered.addAndGet(count);
			if (total > BodyReadingFilter.this.properties.maxBufferedBodies().toBytes()) {
				BodyReadingFilter.this.buffered.addAndGet(-count);
				return false;
			}
			synchronized (this) {
				this.reserved += count;
			}
			return true;
		}

		private void release() {
			long count;
			synchronized (this) {
				count = this.reserved;
				this.reserved = 0;
			}
			BodyReadingFilter.this.buffered.addAndGet(-count);
		}

	}

}
