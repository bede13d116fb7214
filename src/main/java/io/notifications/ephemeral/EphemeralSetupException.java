package io.notifications.ephemeral;

/**
 * Ephemeral mode cannot start as configured: a fixture or a user is invalid. Its message
 * names the property and the record at fault.
 */
class EphemeralSetupException extends RuntimeException {

	EphemeralSetupException(String message) {
		super(message);
	}

	EphemeralSetupException(String message, Throwable cause) {
		super(message, cause);
	}

}
