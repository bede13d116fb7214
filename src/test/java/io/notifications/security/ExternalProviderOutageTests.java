package io.notifications.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An external provider whose keys cannot be fetched (nothing listens at its JWK set URL):
 * a token is answered 503 with {@code Retry-After}, since it may be good, and not the 500
 * of an unexpected failure with a stack trace for every request.
 */
class ExternalProviderOutageTests extends ApiTestSupport {

	@DynamicPropertySource
	static void unreachableProvider(DynamicPropertyRegistry registry) throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + closed + "/realms/acme/certs");
	}

	@Test
	void aTokenWhoseKeysCannotBeFetchedIsA503() {
		Response response = get("/api/spaces/coworkernotifications/1",
				"Bearer " + part("{\"alg\":\"RS256\",\"kid\":\"k1\"}") + "." + part("{\"sub\":\"someone\"}") + ".AAAA");

		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("5");
		assertThat(response.body()).isEqualTo(failure(503, "The identity provider is unavailable. Try again shortly."));
	}

	private static String part(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
