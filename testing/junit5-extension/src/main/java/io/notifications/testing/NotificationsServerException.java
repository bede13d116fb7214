package io.notifications.testing;

/**
 * The server answered a call of the harness (a reset, a token, a steering call) with something else
 * than the contract's success, or could not be reached.
 */
public class NotificationsServerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String body;

	NotificationsServerException(String message, int status, String body) {
		super(message);
		this.status = status;
		this.body = body;
	}

	NotificationsServerException(String message, Throwable cause) {
		super(message, cause);
		this.status = 0;
		this.body = null;
	}

	/** The HTTP status answered, or 0 when there was no answer. */
	public int status() {
		return this.status;
	}

	/** The body answered, or {@code null}. */
	public String body() {
		return this.body;
	}

}
