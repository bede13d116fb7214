package io.notifications.connection;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.BadRequestException;

/**
 * One body being received: dispatched once complete, or answered in the envelope with the
 * connection closed (408 at the deadline or a stream ended short, 400 for a malformed
 * chunk, 503 past the memory budget). {@link ReceptionOutcome} sees that exactly one of
 * these happens.
 */
final class BodyReception implements ReadListener, AsyncListener {

	private static final Log logger = LogFactory.getLog(BodyReception.class);

	private final ServletInputStream in;

	private final ByteArrayOutputStream bytes;

	private final BodyBudget.Reservation reservation;

	private final ReceptionOutcome outcome;

	private final byte[] chunk = new byte[8192];

	BodyReception(ServletInputStream in, ByteArrayOutputStream bytes, BodyBudget.Reservation reservation,
			ReceptionOutcome outcome) {
		this.in = in;
		this.bytes = bytes;
		this.reservation = reservation;
		this.outcome = outcome;
	}

	void start(ScheduledExecutorService deadlines, Duration timeout) throws IOException {
		if (!this.reservation.reserve(this.bytes.size())) {
			this.outcome.answer(503, BodyReadingFilter.BUSY_MESSAGE, true);
			return;
		}
		// to the millisecond: Tomcat checks its async timeout, the fallback, each second
		this.outcome.deadline(
				deadlines.schedule(() -> this.outcome.expire(timeout), timeout.toMillis(), TimeUnit.MILLISECONDS));
		this.in.setReadListener(this);
	}

	@Override
	public void onDataAvailable() throws IOException {
		while (this.outcome.receiving() && this.in.isReady()) {
			int count = this.in.read(this.chunk);
			if (count == -1) {
				return;
			}
			if (!this.reservation.reserve(count)) {
				this.outcome.answer(503, BodyReadingFilter.BUSY_MESSAGE, true);
				return;
			}
			this.bytes.write(this.chunk, 0, count);
			if (this.bytes.size() > BodyReadingFilter.MAX_BODY_BYTES) {
				// enough for the application to refuse it as too large
				this.outcome.dispatch(this.bytes);
				return;
			}
		}
		if (this.outcome.ended()) {
			// answered at the deadline (the client closing may be what woke this up)
			this.outcome.complete();
		}
	}

	@Override
	public void onAllDataRead() {
		this.outcome.dispatch(this.bytes);
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
			this.outcome.answer(status,
					(status == 400) ? BodyReadingFilter.FRAMING_MESSAGE : BodyReadingFilter.TIMEOUT_MESSAGE, false);
			return;
		}
		// the client is gone: nobody is waiting for an answer
		if (this.outcome.abandon()) {
			this.reservation.release();
			this.outcome.complete();
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

	/** Ends the request that the scheduled deadline answered, or answers it. */
	@Override
	public void onTimeout(AsyncEvent event) {
		this.outcome.answer(408, BodyReadingFilter.TIMEOUT_MESSAGE, false);
	}

	@Override
	public void onComplete(AsyncEvent event) {
		this.reservation.release();
	}

	@Override
	public void onError(AsyncEvent event) {
		this.reservation.release();
		if (!this.outcome.dispatched()) {
			// a listener must complete a failed read, or Tomcat runs the error page too
			this.outcome.complete();
		}
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

}
