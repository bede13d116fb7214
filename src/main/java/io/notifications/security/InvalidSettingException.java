package io.notifications.security;

/**
 * A setting the server cannot start with. Boot's short failure report names the property,
 * never the value, which may be a secret.
 */
public class InvalidSettingException extends RuntimeException {

	private final String property;

	public InvalidSettingException(String property, String reason) {
		this(property, reason, null);
	}

	public InvalidSettingException(String property, String reason, Throwable cause) {
		super(property + ": " + reason, cause);
		this.property = property;
	}

	public String getProperty() {
		return this.property;
	}

}
