package io.notifications.web;

/**
 * A request body that cannot be read at all (not JSON, not an object, duplicate keys,
 * ...); answered with 400 and an empty error list.
 */
public class UnreadableBodyException extends RuntimeException {

	public static final String NOT_JSON = "The request body is not valid JSON.";

	public UnreadableBodyException(String message) {
		super(message);
	}

	public UnreadableBodyException(String message, Throwable cause) {
		super(message, cause);
	}

}
