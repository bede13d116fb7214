package io.notifications.ephemeral;

import java.io.IOException;
import java.nio.file.Files;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.notifications.ephemeral.EphemeralUsers.User;
import io.notifications.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The form of {@code notifications.ephemeral.users}: {@code email:password:Role1+Role2},
 * and how these users and a users file join {@code notifications.security.users}.
 */
class EphemeralUsersTests {

	@Test
	void aPasswordIsWhatLiesBetweenTheFirstAndTheLastColon() {
		assertThat(EphemeralUsers.parse(List.of("a@example.com:p:a:ss:Administrator", " b@example.com:{bcrypt}$2a$x:",
				"", "# a comment", "c@example.com:secret:CoworkerNotification-Read + SystemNotification-List"),
				"users"))
			.containsExactly(new User("a@example.com", "{noop}p:a:ss", List.of("Administrator"), null),
					new User("b@example.com", "{bcrypt}$2a$x", List.of(), null), new User("c@example.com",
							"{noop}secret", List.of("CoworkerNotification-Read", "SystemNotification-List"), null));
	}

	@Test
	void anEntryWithoutTwoColonsIsNamedByItsPlaceAndNotShown() {
		assertThatThrownBy(() -> EphemeralUsers.parse(List.of("a@example.com:x:Administrator", "b@example.com:secret"),
				"notifications.ephemeral.users"))
			.isInstanceOf(EphemeralSetupException.class)
			.hasMessage("User 2 of notifications.ephemeral.users is not email:password:Role1+Role2 "
					+ "(roles may be empty, as in email:password:)");
	}

	@Test
	void usersFromAFileJoinTheConfiguredOnesInOneList(@TempDir Path directory) throws IOException {
		Path file = Files.writeString(directory.resolve("users"), """
				# test users
				reader@example.com:a,b:CoworkerNotification-Read

				writer@example.com:{noop}w:CoworkerNotification-Edit+CoworkerNotification-Create
				""");
		StandardEnvironment environment = postProcessed(Map.of("notifications.security.users[0].email",
				"admin@example.com", "notifications.security.users[0].password", "{noop}admin",
				"notifications.security.users[0].roles", "Administrator", "notifications.ephemeral.users",
				"cli@example.com:c:", "notifications.ephemeral.users-file", file.toString()));
		List<String> users = new ArrayList<>();
		for (int i = 0; environment.containsProperty("notifications.security.users[" + i + "].email"); i++) {
			String prefix = "notifications.security.users[" + i + "].";
			users.add(environment.getProperty(prefix + "email") + " " + environment.getProperty(prefix + "password")
					+ " " + environment.getProperty(prefix + "roles"));
		}
		assertThat(users).containsExactly("admin@example.com {noop}admin Administrator", "cli@example.com {noop}c ",
				"reader@example.com {noop}a,b CoworkerNotification-Read",
				"writer@example.com {noop}w CoworkerNotification-Edit,CoworkerNotification-Create");
	}

	@Test
	void aConfiguredUserKeepsItsSecondFactor() {
		StandardEnvironment environment = postProcessed(Map.of("notifications.security.users[0].email",
				"tfa@example.com", "notifications.security.users[0].password", "{noop}secret",
				"notifications.security.users[0].totp-secret", "C42MFLA3TZKIPV7PZ3KSHRMZCZ5D2UYS",
				"notifications.ephemeral.users", "cli@example.com:c:"));
		assertThat(environment.getProperty("notifications.security.users[0].totp-secret"))
			.isEqualTo("C42MFLA3TZKIPV7PZ3KSHRMZCZ5D2UYS");
		assertThat(environment.getProperty("notifications.security.users[1].email")).isEqualTo("cli@example.com");
		assertThat(environment.containsProperty("notifications.security.users[1].totp-secret")).isFalse();
	}

	@Test
	void aUserHereHasEveryPropertyOfAConfiguredUser() {
		assertThat(Arrays.stream(User.class.getRecordComponents()).map(RecordComponent::getName))
			.containsExactly(Arrays.stream(SecurityProperties.User.class.getRecordComponents())
				.map(RecordComponent::getName)
				.toArray(String[]::new));
	}

	@Test
	void withoutTheProfileNothingChanges() {
		StandardEnvironment environment = new StandardEnvironment();
		new EphemeralUsers().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains("ephemeralUsers")).isFalse();
	}

	@Test
	void anEmptyPasswordIsRefused() {
		assertThatThrownBy(() -> EphemeralUsers.parse(List.of("a@example.com::Administrator"), "users"))
			.isInstanceOf(EphemeralSetupException.class);
	}

	/** An ephemeral environment with these properties, after the post-processor ran. */
	private static StandardEnvironment postProcessed(Map<String, Object> given) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles("ephemeral");
		environment.getPropertySources().addFirst(new MapPropertySource("given", given));
		new EphemeralUsers().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
