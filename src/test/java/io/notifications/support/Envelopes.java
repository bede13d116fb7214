package io.notifications.support;

/**
 * The exact envelope texts the contract fixes, for asserting raw response bodies.
 */
public final class Envelopes {

	private Envelopes() {
	}

	/** A failure with no property at fault: {@code Errors} is an empty list. */
	public static String failure(int status, String message) {
		return """
				{"Status":%d,"Message":"%s","Value":null,"OpenInDialog":false,"OpenInWindow":false,\
				"RedirectURL":null,"JavaScript":null,"UpdatedOn":null,"UpdatedBy":null,"Errors":[],\
				"WasSuccessful":false}""".formatted(status, message);
	}

	/**
	 * A validation failure. Each error is given as raw JSON by {@link #error}; the
	 * message is formed from the first.
	 */
	public static String failure(int status, String firstProperty, String firstMessage, String... errors) {
		return """
				{"Status":%d,"Message":"%s: %s","Value":null,"OpenInDialog":false,"OpenInWindow":false,\
				"RedirectURL":null,"JavaScript":null,"UpdatedOn":null,"UpdatedBy":null,"Errors":[%s],\
				"WasSuccessful":false}""".formatted(status, firstProperty, firstMessage, String.join(",", errors));
	}

	/**
	 * One error item; {@code attemptedValue} is raw JSON ({@code null}, {@code 5},
	 * {@code "x"}).
	 */
	public static String error(String attemptedValue, String message, String property) {
		return """
				{"AttemptedValue":%s,"Message":"%s","PropertyName":"%s"}""".formatted(attemptedValue, message,
				property);
	}

	/** A success envelope. {@code value} is raw JSON. */
	public static String success(String message, String value, String updatedOn, String updatedBy) {
		return """
				{"Status":200,"Message":"%s","Value":%s,"OpenInDialog":false,"OpenInWindow":false,\
				"RedirectURL":null,"JavaScript":null,"UpdatedOn":"%s","UpdatedBy":"%s","Errors":null,\
				"WasSuccessful":true}""".formatted(message, value, updatedOn, updatedBy);
	}

}
