package io.notifications.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.notifications.web.Envelope;
import io.notifications.web.EnvelopeWriter;
import io.notifications.web.RequestBodies;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;

/**
 * One body being received: reads what has arrived whenever Tomcat says more is ready,
 * then dispatches; or answers 408 at the deadline. Exactly one of the two happens.
 */
final class BodyReception implements ReadListener, AsyncListener {

	private static final Log logger = LogFactory.getLog(BodyReception.class);

	private final AsyncContext async;

	private final ServletInputStream in;

	private final HttpServletResponse response;

	private final ByteArrayOutputStream bytes;

	/** Bytes of bodies held by all requests in progress, and the most there may be. */
	private final AtomicLong buffered;

	private final long maxBuffered;

	private final EnvelopeWriter writer;

	private final byte[] chunk = new byte[8192];

	private final AtomicBoolean settled = new AtomicBoolean();

	private long reserved;

	BodyReception(AsyncContext async, ServletInputStream in, HttpServletResponse response, ByteArrayOutputStream bytes,
			AtomicLong buffered, long maxBuffered, EnvelopeWriter writer) {
		this.async = async;
		this.in = in;
		this.response = response;
		this.bytes = bytes;
		this.buffered = buffered;
		this.maxBuffered = maxBuffered;
		this.writer = writer;
	}

	/** Counts the bytes already received with the headers, then listens for the rest. */
	void start() throws IOException {
		if (!reserve(this.bytes.size())) {
			answer(503, BodyReadingFilter.BUSY_MESSAGE, true);
			return;
		}
		this.in.setReadListener(this);
	}

	@Override
	public void onDataAvailable() throws IOException {
		while (!this.settled.get() && this.in.isReady()) {
			int count = this.in.read(this.chunk);
			if (count == -1) {
				return;
			}
			if (!reserve(count)) {
				answer(503, BodyReadingFilter.BUSY_MESSAGE, true);
				return;
			}
			this.bytes.write(this.chunk, 0, count);
			if (this.bytes.size() > BodyReadingFilter.MAX_BODY_BYTES) {
				// enough for the application to tell that the body is too large; the rest
				// is not received
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
		// the client went away or sent a malformed chunked body: nobody is waiting for an
		// answer
		// to the first, and Tomcat answers the second itself
		if (this.settled.compareAndSet(false, true)) {
			release();
			this.async.complete();
		}
	}

	@Override
	public void onTimeout(AsyncEvent event) throws IOException {
		answer(408, BodyReadingFilter.TIMEOUT_MESSAGE, false);
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
			this.async.getRequest().setAttribute(RequestBodies.BODY, this.bytes.toByteArray());
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
			this.writer.write(this.response, Envelope.failure(status, message));
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("Could not answer a request whose body did not arrive", ex);
		}
		finally {
			this.async.complete();
		}
	}

	private boolean reserve(int count) {
		long total = this.buffered.addAndGet(count);
		if (total > this.maxBuffered) {
			this.buffered.addAndGet(-count);
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
		this.buffered.addAndGet(-count);
	}

}
