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
 * Sign-ins are counted from Spring Security's authentication events, which Basic and the
 * password grant both publish.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "notifications.security.login-throttle.enabled", matchIfMissing = true)
class LoginThrottleConfig {

	private final LoginThrottle throttle;

	LoginThrottleConfig(LoginThrottleProperties properties) {
		this.throttle = new LoginThrottle(properties, System::nanoTime);
	}

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
