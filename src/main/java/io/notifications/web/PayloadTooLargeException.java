package io.notifications.web;

/**
 * A request body over the limit, refused before it is parsed; answered with 413.
 */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(long limit) {
		super("The request body is larger than the limit of " + limit + " bytes.");
	}

}
