package io.notifications.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The password and the {@code totp} code are one authentication, so that a wrong code is
 * a failed sign-in for the login throttle and a right password alone does not reset it.
 */
@Component
public class PasswordSignIn {

	/** The form parameter of the code (Nexudus's name). */
	public static final String TOTP = "totp";

	private final ProviderManager manager;

	PasswordSignIn(UserDetailsService users, PasswordEncoder passwordEncoder, SecondFactor secondFactor,
			ApplicationEventPublisher publisher) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		AuthenticationProvider both = new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication attempt) {
				Authentication authenticated = passwords.authenticate(attempt);
				String code = (attempt.getDetails() instanceof Details details) ? details.code : null;
				secondFactor.check(authenticated.getName(), code);
				return authenticated;
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return passwords.supports(authentication);
			}
		};
		// a second factor's failure counts for the login throttle too
		DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
		events.setAdditionalExceptionMappings(
				Map.of(SecondFactorException.class, AuthenticationFailureBadCredentialsEvent.class));
		this.manager = new ProviderManager(both);
		this.manager.setAuthenticationEventPublisher(events);
	}

	/**
	 * @throws SecondFactorException if the password is right but the code is not
	 * @throws AuthenticationException if the user name or password is wrong
	 */
	public Authentication authenticate(String username, String password, HttpServletRequest request) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
				password);
		attempt.setDetails(new Details(request));
		return this.manager.authenticate(attempt);
	}

	static final class Details extends WebAuthenticationDetails {

		private final transient String code;

		Details(HttpServletRequest request) {
			super(request);
			this.code = request.getParameter(TOTP);
		}

	}

}
