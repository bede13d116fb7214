package io.notifications.security;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A right password without the right second factor: the message says what was wrong with
 * the code (missing, wrong or replayed), for the password grant's
 * {@code error_description}.
 */
public class SecondFactorException extends BadCredentialsException {

	static final String MISSING = "This user has two-factor authentication: send the code of the authenticator app as totp.";

	static final String WRONG = "The two-factor authentication code (totp) is incorrect.";

	static final String REPLAYED = "The two-factor authentication code (totp) has already been used; wait for the next one.";

	SecondFactorException(String message) {
		super(message);
	}

}
