package io.notifications.web;

/** The sentence of a failure that no property is at fault for, by HTTP status. */
public final class FailureMessages {

	public static final String UNAUTHORIZED = "Authorization has been denied for this request.";

	public static final String FORBIDDEN = "You do not have permission to perform this action.";

	public static final String UNEXPECTED = "An error has occurred.";

	private FailureMessages() {
	}

	public static String forStatus(int status) {
		return switch (status) {
			case 400 -> "The request is invalid.";
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> "The requested resource was not found.";
			case 405 -> "The requested HTTP method is not allowed on this URL.";
			case 406 -> "The requested response type is not available; this API answers application/json.";
			case 409 -> "The record was changed by another request at the same time. Try again.";
			case 415 -> "The request content type is not supported; send application/json.";
			default -> (status >= 500) ? UNEXPECTED : "The request could not be processed.";
		};
	}

}
