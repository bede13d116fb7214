package io.notifications.ephemeral;

import java.util.List;

import io.notifications.ephemeral.EphemeralUsers.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The form of {@code notifications.ephemeral.users}: {@code email:password:Role1+Role2}.
 */
class EphemeralUsersTests {

	@Test
	void aPasswordIsWhatLiesBetweenTheFirstAndTheLastColon() {
		assertThat(EphemeralUsers.parse(List.of("a@example.com:p:a:ss:Administrator", " b@example.com:{bcrypt}$2a$x:", "",
				"# a comment", "c@example.com:secret:CoworkerNotification-Read + SystemNotification-List"), "users"))
			.containsExactly(new User("a@example.com", "{noop}p:a:ss", List.of("Administrator")),
					new User("b@example.com", "{bcrypt}$2a$x", List.of()),
					new User("c@example.com", "{noop}secret",
							List.of("CoworkerNotification-Read", "SystemNotification-List")));
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
	void anEmptyPasswordIsRefused() {
		assertThatThrownBy(() -> EphemeralUsers.parse(List.of("a@example.com::Administrator"), "users"))
			.isInstanceOf(EphemeralSetupException.class);
	}

}
