package io.notifications.web;

import java.util.List;

import org.springframework.http.MediaType;

/** The sentence of a failure that no property is at fault for, by HTTP status. */
public final class FailureMessages {

	public static final String UNAUTHORIZED = "Authorization has been denied for this request.";

	public static final String FORBIDDEN = "You do not have permission to perform this action.";

	public static final String UNEXPECTED = "An error has occurred.";

	private FailureMessages() {
	}

	/** The 415's sentence: JSON where the endpoint takes it, else what it takes. */
	public static String unsupportedContentType(List<MediaType> supported) {
		if (supported.isEmpty() || supported.stream().anyMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
			return forStatus(415);
		}
		return "The request content type is not supported; send " + supported.get(0).toString() + ".";
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
			// Tomcat's too, for a form past the limit that it parses itself
			case 413 -> new PayloadTooLargeException(RequestBodies.MAX_BODY_BYTES).getMessage();
			case 415 -> "The request content type is not supported; send application/json.";
			// Tomcat's, for CONNECT and for a transfer coding it does not know
			case 501 -> "This server does not support the request's method or transfer coding.";
			case 505 -> "The HTTP version of the request is not supported; send HTTP/1.1.";
			default -> (status >= 500) ? UNEXPECTED : "The request could not be processed.";
		};
	}

}
