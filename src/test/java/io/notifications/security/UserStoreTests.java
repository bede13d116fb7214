package io.notifications.security;

import java.util.List;

import io.notifications.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The configured users: kept with the encoding they were given, and refused without one.
 */
class UserStoreTests extends ApiTestSupport {

	@Autowired
	UserDetailsService users;

	@Test
	void passwordsAreNeverReEncodedAfterALogin() {
		assertThat(get("/api/spaces/coworkernotifications/1", basic(ADMIN, ADMIN_PASSWORD)).status()).isEqualTo(404);

		assertThat(this.users).isNotInstanceOf(UserDetailsPasswordService.class);
		assertThat(this.users.loadUserByUsername(ADMIN).getPassword()).isEqualTo("{noop}" + ADMIN_PASSWORD);
	}

	@Test
	void aPasswordWithoutItsEncodingPrefixIsRefusedAtStartUp() {
		SecurityProperties properties = new SecurityProperties(
				List.of(new SecurityProperties.User("plain@example.com", "secret", List.of("Administrator"), null)),
				"roles", null, null, null);

		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new UserStore().userDetailsService(properties, new DefaultListableBeanFactory(),
					new StandardEnvironment()))
			.withMessageStartingWith("notifications.security.users[0].password: ")
			.withMessageContaining("{bcrypt}");
	}

}
