package io.notifications.security;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider configured by {@code issuer-uri} alone that cannot be looked up (nothing
 * listens there): a token is the 503 of an unavailable provider, not a 500 with a stack
 * trace, and for the next seconds the others are answered so at once instead of each
 * trying again in turn.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExternalProviderLookupTests extends ApiTestSupport {

	@DynamicPropertySource
	static void unreachableIssuer(DynamicPropertyRegistry registry) {
		int closed = UnreachableProvider.closedPort();
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
				() -> "http://127.0.0.1:" + closed + "/realms/acme");
	}

	@Test
	void aProviderThatCannotBeLookedUpIsA503AndIsNotAskedAgainAtOnce(CapturedOutput log) {
		String unavailable = failure(503, "The identity provider is unavailable. Try again shortly.");
		for (int request = 0; request < 3; request++) {
			Response response = get("/api/spaces/coworkernotifications/1", "Bearer abc.def.ghi");

			assertThat(response.status()).as(response.body()).isEqualTo(503);
			assertThat(response.header("Retry-After")).isEqualTo("5");
			assertThat(response.body()).isEqualTo(unavailable);
		}
		// why, beneath Spring's "Failed to lazily resolve the supplied JwtDecoder
		// instance"
		assertThat(log.getOut()).contains("Bearer tokens cannot be checked", "openid-configuration",
				"Could not connect to 127.0.0.1:");
	}

}
