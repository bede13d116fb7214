package io.notifications.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.notifications.web.Envelope;
import io.notifications.web.EnvelopeWriter;
import io.notifications.web.RequestBodies;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;

/**
 * How one body reception ends, exactly once, whoever gets there first (the read listener,
 * Tomcat's timeout or failed read, or the scheduled deadline): dispatched to the
 * application, or answered in the envelope with the connection closed.
 */
final class ReceptionOutcome {

	private static final Log logger = LogFactory.getLog(ReceptionOutcome.class);

	private final AsyncContext async;

	private final HttpServletResponse response;

	private final EnvelopeWriter writer;

	private final AtomicReference<State> state = new AtomicReference<>(State.RECEIVING);

	private final Object answering = new Object();

	private volatile ScheduledFuture<?> deadline;

	ReceptionOutcome(AsyncContext async, HttpServletResponse response, EnvelopeWriter writer) {
		this.async = async;
		this.response = response;
		this.writer = writer;
	}

	boolean receiving() {
		return this.state.get() == State.RECEIVING;
	}

	boolean ended() {
		return this.state.get() == State.ENDED;
	}

	boolean dispatched() {
		return this.state.get() == State.DISPATCHED;
	}

	void deadline(ScheduledFuture<?> deadline) {
		this.deadline = deadline;
	}

	void dispatch(ByteArrayOutputStream bytes) {
		if (settle(State.DISPATCHED)) {
			cancelDeadline();
			this.async.getRequest().setAttribute(RequestBodies.BODY, bytes.toByteArray());
			this.async.dispatch();
		}
	}

	/**
	 * Ends it without an answer, for a client that is gone. Whether this call ended it.
	 */
	boolean abandon() {
		if (!settle(State.ENDED)) {
			return false;
		}
		cancelDeadline();
		return true;
	}

	/** Only for Tomcat's thread serving this request, which alone may end it safely. */
	void answer(int status, String message, boolean retry) {
		send(status, message, retry);
		if (!dispatched()) {
			// whoever answered: Tomcat's timeout and failed read want it ended here
			complete();
		}
	}

	/**
	 * Sends the 408 from a Tomcat pool thread but leaves ending the request to Tomcat's
	 * timeout or whatever wakes it first: completing it here would race the socket's
	 * events (Tomcat then drops the request silently and logs an ERROR).
	 */
	void expire(Duration timeout) {
		if (!receiving()) {
			return;
		}
		logger.debug("Refused a request body (408): not received within " + timeout);
		try {
			this.async.start(() -> send(408, BodyReadingFilter.TIMEOUT_MESSAGE, false));
		}
		catch (IllegalStateException ex) {
			// settled meanwhile, or the request is over
		}
	}

	void complete() {
		try {
			this.async.complete();
		}
		catch (IllegalStateException ex) {
			// completed already, by the failed read or the answer that raced it
		}
	}

	/**
	 * Sends the answer once, whoever asks first. A later caller waits until it is on its
	 * way: Tomcat closes the connection when the failed read that called it returns.
	 */
	private void send(int status, String message, boolean retry) {
		synchronized (this.answering) {
			if (!settle(State.ENDED)) {
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

	private void cancelDeadline() {
		ScheduledFuture<?> scheduled = this.deadline;
		if (scheduled != null) {
			scheduled.cancel(false);
		}
	}

	private boolean settle(State settled) {
		return this.state.compareAndSet(State.RECEIVING, settled);
	}

	private enum State {

		RECEIVING, DISPATCHED, ENDED

	}

}
