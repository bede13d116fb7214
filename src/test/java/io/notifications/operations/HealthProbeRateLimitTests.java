package io.notifications.operations;

import io.notifications.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With rate limits on, health probes ({@code GET} or {@code HEAD}) are never refused,
 * even from an address that has used up its requests, and do not use up that address's
 * requests.
 */
@TestPropertySource(
		properties = { "notifications.rate-limit.enabled=true", "notifications.rate-limit.requests-per-minute=3" })
class HealthProbeRateLimitTests extends ApiTestSupport {

	@Test
	void healthProbesAreNeverRateLimited() {
		for (int probe = 0; probe < 10; probe++) {
			assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
			assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
			assertThat(get("/actuator/health", null).status()).isEqualTo(200);
			// as load balancers often probe
			assertThat(send("HEAD", "/actuator/health/readiness", null, (String) null, null).status()).isEqualTo(200);
		}
		// the address still has its 3 requests, and then is refused
		for (int request = 0; request < 3; request++) {
			assertThat(get("/api/spaces/coworkernotifications/1", null).status()).isEqualTo(401);
		}
		assertThat(get("/api/spaces/coworkernotifications/1", null).status()).isEqualTo(429);
		assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
	}

}
