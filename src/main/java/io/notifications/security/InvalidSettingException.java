package io.notifications.security;

/**
 * A setting the server cannot start with. Boot's short failure report names the property,
 * never the value, which may be a secret.
 */
public class InvalidSettingException extends RuntimeException {

	private final String property;

	public InvalidSettingException(String property, String reason) {
		super(property + ": " + reason);
		this.property = property;
	}

	public String getProperty() {
		return this.property;
	}

}
