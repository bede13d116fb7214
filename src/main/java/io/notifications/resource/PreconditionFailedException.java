package io.notifications.resource;

/**
 * The record has moved on from every version that {@code If-Match} names; answered with
 * 412 and nothing changed.
 */
final class PreconditionFailedException extends RuntimeException {

	private final String sent;

	PreconditionFailedException(String sent) {
		super("If-Match " + sent + " names no current version");
		this.sent = sent;
	}

	/** The {@code If-Match} header as the client sent it. */
	String sent() {
		return this.sent;
	}

}
