package io.notifications.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.notifications.NotificationsApplication;
import io.notifications.support.EndToEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A setting that the server cannot start with stops it with Spring Boot's short failure
 * report, which names the property and says what is wrong, without a stack trace and
 * without showing a secret.
 */
@EndToEnd
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationFailureTests {

	@TempDir
	Path data;

	@Test
	void aTotpSecretThatIsNotBase32(CapturedOutput output) {
		start(output, "--notifications.security.users[0].totp-secret=not-base32!");

		assertThat(output)
			.contains("notifications.security.users[0].totp-secret: A TOTP secret is Base32 (A-Z, 2-7) "
					+ "of at least 128 bits")
			.doesNotContain("not-base32!");
	}

	@Test
	void aPasswordWithoutItsEncodingPrefix(CapturedOutput output) {
		start(output, "--notifications.security.users[0].password=plain-secret");

		assertThat(output)
			.contains("notifications.security.users[0].password: A password needs its encoding prefix, "
					+ "such as {bcrypt}... or {noop}...")
			.doesNotContain("plain-secret");
	}

	@Test
	void aRoleThatGrantsNothing(CapturedOutput output) {
		start(output, "--notifications.security.users[0].roles=Administrator,CoworkerNotification-Reed");

		// (the test resource Memo's roles come between the two of the server)
		assertThat(output)
			.contains("notifications.security.users[0].roles: The role CoworkerNotification-Reed "
					+ "grants nothing here; the roles are Administrator, CoworkerNotification-Create, "
					+ "CoworkerNotification-Delete, CoworkerNotification-Edit, CoworkerNotification-List, "
					+ "CoworkerNotification-Read, ")
			.contains(", SystemNotification-Create, SystemNotification-Delete, SystemNotification-Edit, "
					+ "SystemNotification-List, SystemNotification-Read\n");
	}

	@Test
	void aSigningKeyThatCannotBeRead(CapturedOutput output) throws IOException {
		Path garbage = Files.writeString(this.data.resolve("garbage.json"), "not a key");
		start(output, "--notifications.security.token.key-location=file:" + garbage);

		assertThat(output).contains("notifications.security.token.key-location: Cannot read the token signing key at");
	}

	/**
	 * Users 0 and 1 in two sources: Boot binds the list from the first, which has no user
	 * 0. Its own report would show each value left unbound, the password too.
	 */
	@Test
	void usersFromTwoSourcesAreNamedWithoutTheirValues(CapturedOutput output) {
		fail(output,
				new String[] { "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:config-failure",
						"--notifications.security.token.key-location=file:" + this.data.resolve("key.json"),
						"--notifications.security.users[1].email=second@example.com",
						"--notifications.security.users[1].password={noop}second-secret",
						"--notifications.security.users[1].roles=Administrator" },
				"notifications.security.users[0].email=admin@example.com",
				"notifications.security.users[0].password={noop}secret",
				"notifications.security.users[0].roles=Administrator");

		assertThat(output).contains("The users' properties notifications.security.users[1].email, "
				+ "notifications.security.users[1].password, notifications.security.users[1].roles were left unbound")
			.contains("Configure every user in the same source")
			.doesNotContain("second-secret")
			.doesNotContain("second@example.com");
	}

	/**
	 * Boot binds the users of the first source and leaves user 1, of another, out: the
	 * server starts without it, and says so.
	 */
	@Test
	void aUserLeftOutOfTheSourceTheUsersAreTakenFromIsNamedAtStart(CapturedOutput output) {
		try (ConfigurableApplicationContext started = new SpringApplicationBuilder(NotificationsApplication.class)
			.properties("notifications.security.users[1].email=second@example.com",
					"notifications.security.users[1].password={noop}second-secret",
					"notifications.security.users[1].roles=Administrator")
			.run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:users-left-out;DB_CLOSE_DELAY=-1",
					"--notifications.security.token.key-location=file:" + this.data.resolve("key.json"),
					"--notifications.security.users[0].email=first@example.com",
					"--notifications.security.users[0].password={noop}first-secret",
					"--notifications.security.users[0].roles=Administrator")) {
			assertThat(output).containsPattern("WARN .* notifications\\.security\\.users\\[1\\] in .* is left out: "
					+ "the users are taken from .*commandLineArgs.*, and Spring Boot takes a list from one source only")
				.doesNotContain("second-secret")
				.doesNotContain("second@example.com");
		}
	}

	/**
	 * Starts the server with one user and the given setting; it must fail with Boot's
	 * short report.
	 */
	private void start(CapturedOutput output, String setting) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("server.port", "0");
		settings.put("spring.datasource.url", "jdbc:h2:mem:config-failure;DB_CLOSE_DELAY=-1");
		settings.put("notifications.security.users[0].email", "admin@example.com");
		settings.put("notifications.security.users[0].password", "{noop}secret");
		settings.put("notifications.security.users[0].roles", "Administrator");
		settings.put("notifications.security.token.key-location", "file:" + this.data.resolve("key.json"));
		// a repeated command-line property would be read as both values, joined by a
		// comma
		String[] given = setting.substring(2).split("=", 2);
		settings.put(given[0], given[1]);
		String[] arguments = settings.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);

		fail(output, arguments);
	}

	/** The defaults are a source of their own, below the arguments. */
	private static void fail(CapturedOutput output, String[] arguments, String... defaults) {
		Throwable failure = catchThrowable(
				() -> new SpringApplicationBuilder(NotificationsApplication.class).properties(defaults).run(arguments));

		assertThat(failure).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain("\tat io.notifications.");
	}

}
