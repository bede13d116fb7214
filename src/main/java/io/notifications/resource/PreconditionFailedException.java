package io.notifications.resource;

/**
 * The record has moved on from every version {@code If-Match} names: 412, nothing
 * changed.
 */
final class PreconditionFailedException extends RuntimeException {

	private final String sent;

	PreconditionFailedException(String sent) {
		super("If-Match " + sent + " names no current version");
		this.sent = sent;
	}

	String sent() {
		return this.sent;
	}

}
