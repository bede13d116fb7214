package io.notifications.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import io.notifications.NotificationsApplication;
import io.notifications.support.EndToEnd;
import io.notifications.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no user configured, the Administrator's generated password is made once, kept
 * beside the signing key with mode 600, logged only then, and still valid after a restart
 * on the same data.
 */
@ExtendWith(OutputCaptureExtension.class)
@EndToEnd
class GeneratedPasswordTests {

	private static final String RECORD = "/api/spaces/coworkernotifications/1";

	@Test
	void theGeneratedPasswordIsKeptAcrossRestartsAndLoggedOnlyWhenGenerated(@TempDir Path workingDirectory,
			CapturedOutput output) throws IOException {
		Path data = workingDirectory.resolve("data");
		Path kept = data.resolve("generated-password");
		String password;

		try (ConfigurableApplicationContext first = start(data)) {
			assertThat(kept).exists();
			assertThat(Files.getPosixFilePermissions(kept)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			password = Files.readString(kept, StandardCharsets.UTF_8).strip();
			assertThat(output.getOut()).contains("Using generated password for admin@example.com: " + password)
				.contains("kept in " + kept);

			// authenticated: the record is missing, not the credentials
			assertThat(Http.get(url(first, RECORD), basic(password)).status()).isEqualTo(404);
			assertThat(Http.get(url(first, RECORD), basic("not-" + password)).status()).isEqualTo(401);
		}
		int loggedSoFar = output.getOut().length();

		try (ConfigurableApplicationContext second = start(data)) {
			String secondStart = output.getOut().substring(loggedSoFar);
			assertThat(secondStart).doesNotContain(password)
				.contains("Using the generated password for admin@example.com kept in " + kept);
			assertThat(Files.readString(kept, StandardCharsets.UTF_8).strip()).isEqualTo(password);
			// nothing else at start asks anything of the operator
			assertThat(secondStart.lines()
				.filter((line) -> line.contains(" WARN ") || line.contains(" ERROR "))
				.filter((line) -> !line.contains("io.notifications.security.UserStore"))).as(secondStart).isEmpty();

			assertThat(Http.get(url(second, RECORD), basic(password)).status()).isEqualTo(404);
			assertThat(Http
				.postForm(url(second, "/api/token"),
						"grant_type=password&username=admin@example.com&password=" + password)
				.status()).isEqualTo(200);
		}
	}

	private static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(NotificationsApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1",
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("notifications")
						+ ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000",
				"--notifications.security.token.key-location=file:" + data.resolve("token-signing-key.json"),
				"--notifications.security.generated-password-location=file:" + data.resolve("generated-password"),
				"--notifications.rate-limit.enabled=false");
	}

	private static String url(ConfigurableApplicationContext context, String path) {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		return "http://127.0.0.1:" + port + path;
	}

	private static String basic(String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString(("admin@example.com:" + password).getBytes(StandardCharsets.UTF_8));
	}

}
