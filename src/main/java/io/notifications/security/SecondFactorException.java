package io.notifications.security;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A right password with a missing, wrong or replayed code; the message is the password
 * grant's {@code error_description}.
 */
public class SecondFactorException extends BadCredentialsException {

	static final String MISSING = "This user has two-factor authentication: send the code of the authenticator app as totp.";

	static final String WRONG = "The two-factor authentication code (totp) is incorrect.";

	static final String REPLAYED = "The two-factor authentication code (totp) has already been used; wait for the next one.";

	SecondFactorException(String message) {
		super(message);
	}

}
