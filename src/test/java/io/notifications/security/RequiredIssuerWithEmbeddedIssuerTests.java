package io.notifications.security;

import io.notifications.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code notifications.security.required-issuer} is the issuer of an external provider's
 * tokens: set without one, the embedded issuer's own tokens still work (they were all
 * refused, "The iss claim is not valid").
 */
@TestPropertySource(properties = "notifications.security.required-issuer=https://keycloak.example.com/realms/acme")
class RequiredIssuerWithEmbeddedIssuerTests extends ApiTestSupport {

	@Test
	void theEmbeddedIssuersTokensAreAccepted() {
		assertThat(get("/api/spaces/coworkernotifications/987654", admin()).status()).isEqualTo(404);
	}

}
