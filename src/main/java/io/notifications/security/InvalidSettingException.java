package io.notifications.security;

/**
 * A security setting the server cannot start with: reported by Spring Boot as its short
 * failure report ({@link InvalidSettingFailureAnalyzer}), naming the property and the
 * reason, never the value, which may be a secret.
 */
public class InvalidSettingException extends RuntimeException {

	private final String property;

	public InvalidSettingException(String property, String reason) {
		super(property + ": " + reason);
		this.property = property;
	}

	/** The property at fault, as it is configured. */
	public String getProperty() {
		return this.property;
	}

}
