package io.notifications.ephemeral;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.notifications.NotificationsApplication;
import io.notifications.support.EndToEnd;
import io.notifications.support.Http;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user of {@code notifications.security.users} keeps its second factor in ephemeral
 * mode, beside the users of {@code notifications.ephemeral.users}: over HTTP, the
 * password grant without a code is refused, and so is Basic.
 */
@EndToEnd
class EphemeralTwoFactorTests {

	@Test
	void aConfiguredTwoFactorUserNeedsItsCodeBesideEphemeralUsers() throws IOException {
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(NotificationsApplication.class)
			.profiles("ephemeral")
			.run("--server.port=0", "--notifications.ephemeral.users=admin@example.com:secret:Administrator",
					"--notifications.security.users[0].email=tfa@example.com",
					"--notifications.security.users[0].password={noop}tfa-secret",
					"--notifications.security.users[0].roles=Administrator",
					"--notifications.security.users[0].totp-secret=C42MFLA3TZKIPV7PZ3KSHRMZCZ5D2UYS")) {
			String base = "http://127.0.0.1:" + server.getEnvironment().getRequiredProperty("local.server.port");

			Response token = Http.postForm(base + "/api/token",
					"grant_type=password&username=tfa@example.com&password=tfa-secret");
			assertThat(token.status()).isEqualTo(400);
			assertThat(token.body()).isEqualTo("""
					{"error":"invalid_grant","error_description":"This user has two-factor authentication: \
					send the code of the authenticator app as totp."}""");
			assertThat(Http.get(base + "/api/spaces/coworkernotifications/1", basic("tfa@example.com", "tfa-secret"))
				.status()).isEqualTo(401);
			// the ephemeral user beside it signs in as before
			assertThat(Http.get(base + "/api/spaces/coworkernotifications/1", basic("admin@example.com", "secret"))
				.status()).isEqualTo(404);
		}
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
