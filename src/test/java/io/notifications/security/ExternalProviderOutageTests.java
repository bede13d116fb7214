package io.notifications.security;

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
	static void unreachableProvider(DynamicPropertyRegistry registry) {
		int closed = UnreachableProvider.closedPort();
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + closed + "/realms/acme/certs");
	}

	@Test
	void aTokenWhoseKeysCannotBeFetchedIsA503() {
		Response response = get("/api/spaces/coworkernotifications/1", UnreachableProvider.bearerWithUnseenKeyId());

		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("5");
		assertThat(response.body()).isEqualTo(failure(503, "The identity provider is unavailable. Try again shortly."));
	}

}
