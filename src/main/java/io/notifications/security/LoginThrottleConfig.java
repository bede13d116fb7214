package io.notifications.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Throttles failed sign-ins, unless {@code notifications.security.login-throttle.enabled}
 * is false. Failures and successes are counted from Spring Security's authentication
 * events (Basic publishes them through the filter chain's authentication manager, the
 * password grant through the token endpoint's); the check runs ahead of Basic
 * authentication in the filter chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "notifications.security.login-throttle.enabled", matchIfMissing = true)
class LoginThrottleConfig {

	private final LoginThrottle throttle;

	LoginThrottleConfig(LoginThrottleProperties properties) {
		this.throttle = new LoginThrottle(properties, System::nanoTime);
	}

	/**
	 * Checked ahead of Basic authentication, in the filter chain
	 * ({@link SecurityConfig}).
	 */
	@Bean
	LoginThrottle loginThrottle() {
		return this.throttle;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		signIn(event.getAuthentication(), false);
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		signIn(event.getAuthentication(), true);
	}

	/** Counts sign-ins with a user name and password only, not bearer tokens. */
	private void signIn(Authentication authentication, boolean success) {
		if (!(authentication instanceof UsernamePasswordAuthenticationToken)
				|| !(authentication.getDetails() instanceof WebAuthenticationDetails details)) {
			return;
		}
		if (success) {
			this.throttle.succeeded(authentication.getName(), details.getRemoteAddress());
		}
		else {
			this.throttle.failed(authentication.getName(), details.getRemoteAddress());
		}
	}

}
