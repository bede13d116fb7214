package io.notifications.web;

/** A request body over the limit, refused before it is parsed; answered with 413. */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(int limitBytes) {
		super("The request body is larger than the limit of " + describe(limitBytes) + ".");
	}

	/** A byte count as the messages say it, e.g. {@code 1 MiB}. */
	public static String describe(int bytes) {
		int mebibyte = 1024 * 1024;
		return (bytes % mebibyte == 0) ? (bytes / mebibyte) + " MiB" : bytes + " bytes";
	}

}
