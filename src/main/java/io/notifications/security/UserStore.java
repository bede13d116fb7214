package io.notifications.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The configured users, by email. With none configured, an Administrator
 * {@code admin@example.com} gets a random password that is logged once, as Spring Boot does for
 * its own default user.
 */
@Configuration(proxyBeanMethods = false)
class UserStore {

	static final String DEFAULT_EMAIL = "admin@example.com";

	private static final Log logger = LogFactory.getLog(UserStore.class);

	/** Verified passwords are remembered this long, so a busy Basic client pays bcrypt once a minute. */
	static final Duration VERIFIED_PASSWORD_LIFETIME = Duration.ofMinutes(1);

	@Bean
	PasswordEncoder passwordEncoder() {
		return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				VERIFIED_PASSWORD_LIFETIME, System::nanoTime);
	}

	/**
	 * The users, as a plain {@link UserDetailsService}: the in-memory manager is also a
	 * {@code UserDetailsPasswordService}, through which Spring Security would re-encode a
	 * {@code {noop}} password with bcrypt at the first login and then pay a bcrypt check on every
	 * Basic request. The configured encoding is kept as given.
	 */
	@Bean
	UserDetailsService userDetailsService(SecurityProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		for (SecurityProperties.User user : properties.users()) {
			if (!user.password().startsWith("{")) {
				throw new IllegalStateException("The password of " + user.email()
						+ " needs its encoding prefix, such as {bcrypt}... or {noop}...");
			}
			users.add(User.withUsername(user.email()).password(user.password())
				.authorities(user.roles().toArray(String[]::new)).build());
		}
		if (users.isEmpty()) {
			String password = UUID.randomUUID().toString();
			logger.warn(String.format("%n%nUsing generated password for %s: %s%n%nThis generated password is for "
					+ "development use only. Configure notifications.security.users before production.%n",
					DEFAULT_EMAIL, password));
			users.add(User.withUsername(DEFAULT_EMAIL).password("{noop}" + password)
				.authorities(Roles.ADMINISTRATOR).build());
		}
		return new InMemoryUserDetailsManager(users)::loadUserByUsername;
	}

}
