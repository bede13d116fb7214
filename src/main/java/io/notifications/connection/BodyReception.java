package io.notifications.connection;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.notifications.web.Envelope;
import io.notifications.web.EnvelopeWriter;
import io.notifications.web.RequestBodies;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.BadRequestException;

import org.springframework.http.HttpHeaders;

/**
 * One body being received: dispatched once complete, or answered in the envelope with the
 * connection closed (408 at the deadline or a stream ended short, 400 for a malformed
 * chunk). Exactly one of these happens.
 */
final class BodyReception implements ReadListener, AsyncListener {

	private static final Log logger = LogFactory.getLog(BodyReception.class);

	private final AsyncContext async;

	private final ServletInputStream in;

	private final HttpServletResponse response;

	private final ByteArrayOutputStream bytes;

	private final AtomicLong buffered;

	private final long maxBuffered;

	private final EnvelopeWriter writer;

	private final ScheduledExecutorService deadlines;

	private final Duration timeout;

	private final byte[] chunk = new byte[8192];

	private final AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.RECEIVING);

	private final Object answering = new Object();

	private long reserved;

	private volatile ScheduledFuture<?> deadline;

	BodyReception(AsyncContext async, ServletInputStream in, HttpServletResponse response, ByteArrayOutputStream bytes,
			AtomicLong buffered, long maxBuffered, EnvelopeWriter writer, ScheduledExecutorService deadlines,
			Duration timeout) {
		this.async = async;
		this.in = in;
		this.response = response;
		this.bytes = bytes;
		this.buffered = buffered;
		this.maxBuffered = maxBuffered;
		this.writer = writer;
		this.deadlines = deadlines;
		this.timeout = timeout;
	}

	void start() throws IOException {
		if (!reserve(this.bytes.size())) {
			answer(503, BodyReadingFilter.BUSY_MESSAGE, true);
			return;
		}
		// to the millisecond: Tomcat checks its async timeout, the fallback, each second
		this.deadline = this.deadlines.schedule(this::expire, this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		this.in.setReadListener(this);
	}

	@Override
	public void onDataAvailable() throws IOException {
		while (this.outcome.get() == Outcome.RECEIVING && this.in.isReady()) {
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
				// enough for the application to refuse it as too large
				dispatch();
				return;
			}
		}
		if (this.outcome.get() == Outcome.ENDED) {
			// answered at the deadline (the client closing may be what woke this up)
			complete();
		}
	}

	@Override
	public void onAllDataRead() {
		dispatch();
	}

	/**
	 * Tomcat calls this with the response writable again and closes the connection on
	 * return: the answer must be sent from here.
	 */
	@Override
	public void onError(Throwable failure) {
		int status = statusFor(failure);
		if (status != 0) {
			logger.debug("Refused a request body (" + status + "): " + failure);
			answer(status, (status == 400) ? BodyReadingFilter.FRAMING_MESSAGE : BodyReadingFilter.TIMEOUT_MESSAGE,
					false);
			return;
		}
		// the client is gone: nobody is waiting for an answer
		if (settle(Outcome.ENDED)) {
			cancelDeadline();
			release();
			complete();
		}
	}

	/**
	 * 400 for malformed chunked framing; 408 for a body cut short (read timeout, or the
	 * client ended its stream); 0 when the connection failed and no answer can arrive.
	 */
	static int statusFor(Throwable failure) {
		boolean malformed = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException || cause instanceof EOFException) {
				return 408;
			}
			// Tomcat's ClientAbortException is a BadRequestException too
			malformed |= cause instanceof BadRequestException && !(cause instanceof ClientAbortException);
		}
		return malformed ? 400 : 0;
	}

	/**
	 * Sends the 408 from a Tomcat pool thread but leaves ending the request to Tomcat's
	 * timeout or whatever wakes it first: completing it here would race the socket's
	 * events (Tomcat then drops the request silently and logs an ERROR).
	 */
	private void expire() {
		if (this.outcome.get() != Outcome.RECEIVING) {
			return;
		}
		logger.debug("Refused a request body (408): not received within " + this.timeout);
		try {
			this.async.start(() -> send(408, BodyReadingFilter.TIMEOUT_MESSAGE, false));
		}
		catch (IllegalStateException ex) {
			// settled meanwhile, or the request is over
		}
	}

	/** Ends the request that the scheduled deadline answered, or answers it. */
	@Override
	public void onTimeout(AsyncEvent event) {
		answer(408, BodyReadingFilter.TIMEOUT_MESSAGE, false);
	}

	@Override
	public void onComplete(AsyncEvent event) {
		release();
	}

	@Override
	public void onError(AsyncEvent event) {
		release();
		if (this.outcome.get() != Outcome.DISPATCHED) {
			// a listener must complete a failed read, or Tomcat runs the error page too
			complete();
		}
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

	private void dispatch() {
		if (settle(Outcome.DISPATCHED)) {
			cancelDeadline();
			this.async.getRequest().setAttribute(RequestBodies.BODY, this.bytes.toByteArray());
			this.async.dispatch();
		}
	}

	private void cancelDeadline() {
		ScheduledFuture<?> scheduled = this.deadline;
		if (scheduled != null) {
			scheduled.cancel(false);
		}
	}

	/** Only for Tomcat's thread serving this request, which alone may end it safely. */
	private void answer(int status, String message, boolean retry) {
		send(status, message, retry);
		if (this.outcome.get() != Outcome.DISPATCHED) {
			// whoever answered: Tomcat's timeout and failed read want it ended here
			complete();
		}
	}

	/**
	 * Sends the answer once, whoever asks first. A later caller waits until it is on its
	 * way: Tomcat closes the connection when the failed read that called it returns.
	 */
	private void send(int status, String message, boolean retry) {
		synchronized (this.answering) {
			if (!settle(Outcome.ENDED)) {
				return;
			}
			cancelDeadline();
			try {
				// the rest of the body may still come: close rather than read it
				this.response.setHeader(HttpHeaders.CONNECTION, "close");
				if (retry) {
					this.response.setHeader(HttpHeaders.RETRY_AFTER, "1");
				}
				// sent whole now: Tomcat closes after a failed read and drops its buffer
				this.writer.send(this.response, Envelope.failure(status, message));
			}
			catch (IOException | IllegalStateException ex) {
				logger.debug("Could not answer a request whose body did not arrive", ex);
			}
		}
	}

	private boolean settle(Outcome settled) {
		return this.outcome.compareAndSet(Outcome.RECEIVING, settled);
	}

	private void complete() {
		try {
			this.async.complete();
		}
		catch (IllegalStateException ex) {
			// completed already, by the failed read or the answer that raced it
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

	private enum Outcome {

		RECEIVING, DISPATCHED, ENDED

	}

}
