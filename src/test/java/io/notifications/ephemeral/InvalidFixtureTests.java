package io.notifications.ephemeral;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.notifications.NotificationsApplication;
import io.notifications.support.EndToEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An invalid fixture or user stops the start with one message naming the setting and the
 * record at fault; the server never answers with half of the fixtures loaded. (The test
 * sources' third resource, {@code memos}, is among the resources here; the jar's own
 * report is {@code EphemeralJarIT}'s.)
 */
@EndToEnd
class InvalidFixtureTests {

	static final String VALID = """
			{"Id":7,"CoworkerId":5,"Message":"Ready","NotificationType":"blog","EntityId":1}""";

	@TempDir
	Path directory;

	static Stream<Arguments> invalidFixtures() {
		return Stream.of(
				Arguments.of(
						"""
								{"coworkernotifications":[%s,{"Id":8,"CoworkerId":5,"Message":" ","NotificationType":"blog"}]}"""
							.formatted(VALID),
						"Invalid fixture coworkernotifications[1] (Id 8) in notifications.ephemeral.fixtures (file ["
								+ "%s]): Message: is a required field (\" \"); EntityId: is a required field"),
				Arguments.of("""
						{"coworkernotifications":[%s,%s]}""".formatted(VALID, VALID),
						"Invalid fixture coworkernotifications[1] in notifications.ephemeral.fixtures (file [%s]): "
								+ "Id 7 is given twice"),
				Arguments.of(
						"""
								{"coworkernotifications":[%s,%s]}""".formatted(
								VALID.replace("}", ",\"UniqueId\":\"6f1c2a44-7b1e-4c55-9d3f-2f8a9b0c1d2e\"}"),
								VALID.replace("\"Id\":7", "\"Id\":8")
									.replace("}", ",\"UniqueId\":\"6f1c2a44-7b1e-4c55-9d3f-2f8a9b0c1d2e\"}")),
						"Invalid fixture coworkernotifications[1] in notifications.ephemeral.fixtures (file [%s]): "
								+ "UniqueId 6f1c2a44-7b1e-4c55-9d3f-2f8a9b0c1d2e is given twice"),
				Arguments.of("""
						{"coworkernotifications":[%s]}""".formatted(VALID.replace("\"Id\":7", "\"Id\":2147483647")),
						"Invalid fixture coworkernotifications[0] in notifications.ephemeral.fixtures (file [%s]): "
								+ "Id 2147483647 leaves no Id for new records; the highest a fixture may have is "
								+ "2147483646"),
				Arguments.of("""
						{"systemnotifications":[{"Title":"No Id","Severity":9}]}""",
						"Invalid fixture systemnotifications[0] (Id missing) in notifications.ephemeral.fixtures (file ["
								+ "%s]): Id: is a required field; Severity: is not a valid value (9); StartTime: is a "
								+ "required field; ShortDescription: is a required field; Description: is a required "
								+ "field; MessageType: is a required field"),
				Arguments.of("""
						{"coworkernotifications":[%s]}""".formatted(VALID.replace("}", ",\"UniqueId\":\"nope\"}")),
						"Invalid fixture coworkernotifications[0] (Id 7) in notifications.ephemeral.fixtures (file ["
								+ "%s]): UniqueId: is not a valid value (nope)"),
				Arguments.of("""
						{"coworkers":[]}""", "The fixtures of notifications.ephemeral.fixtures (file [%s]) name no "
						+ "resource \"coworkers\"; the resources are memos, coworkernotifications, systemnotifications"),
				Arguments.of("""
						{"coworkernotifications":[],"coworkernotifications":[]}""",
						"The fixtures of notifications.ephemeral.fixtures (file [%s]) are not valid JSON: Duplicate "
								+ "Object property \"coworkernotifications\""));
	}

	@ParameterizedTest
	@MethodSource("invalidFixtures")
	void anInvalidFixtureStopsTheStartNamingTheRecordAndTheProperty(String fixtures, String message)
			throws IOException {
		Path file = Files.writeString(this.directory.resolve("fixtures.json"), fixtures);
		Throwable failure = start("--notifications.ephemeral.users=admin@example.com:secret:Administrator",
				"--notifications.ephemeral.fixtures=" + file);
		assertThat(setupFailure(failure)).startsWith(message.formatted(file.toAbsolutePath()));
	}

	@Test
	void aMissingFixtureFileStopsTheStart() {
		Path missing = this.directory.resolve("missing.json");
		Throwable failure = start("--notifications.ephemeral.users=admin@example.com:secret:Administrator",
				"--notifications.ephemeral.fixtures=" + missing);
		assertThat(setupFailure(failure)).startsWith(
				"Cannot read the fixtures of notifications.ephemeral.fixtures (file [" + missing.toAbsolutePath());
	}

	@Test
	void ephemeralModeWithoutUsersDoesNotStart() {
		Throwable failure = start();
		assertThat(failure).isInstanceOf(EphemeralSetupException.class)
			.hasMessage("Ephemeral mode needs at least one user, for example "
					+ "--notifications.ephemeral.users=admin@example.com:secret:Administrator "
					+ "(notifications.ephemeral.users, notifications.ephemeral.users-file or "
					+ "notifications.security.users[0].*)");
	}

	/** The message of the {@link EphemeralSetupException} among the failure's causes. */
	private static String setupFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof EphemeralSetupException setup) {
				return setup.getMessage();
			}
		}
		throw new AssertionError("No EphemeralSetupException", failure);
	}

	private static Throwable start(String... arguments) {
		return catchThrowable(() -> new SpringApplicationBuilder(NotificationsApplication.class).profiles("ephemeral")
			.run(Stream.concat(Stream.of("--server.port=0"), Stream.of(arguments)).toArray(String[]::new))
			.close());
	}

}
