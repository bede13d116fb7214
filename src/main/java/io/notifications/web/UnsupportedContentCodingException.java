package io.notifications.web;

/**
 * A request body in a content coding other than {@code identity}: answered with 415 on
 * the {@code Content-Encoding} header, with the codings as sent, and never read.
 */
public class UnsupportedContentCodingException extends RuntimeException {

	public static final String MESSAGE = "is not a supported content coding";

	private final ErrorItem error;

	public UnsupportedContentCodingException(String sent) {
		super("Content-Encoding: " + MESSAGE);
		this.error = new ErrorItem(sent, MESSAGE, "Content-Encoding");
	}

	public ErrorItem getError() {
		return this.error;
	}

}
