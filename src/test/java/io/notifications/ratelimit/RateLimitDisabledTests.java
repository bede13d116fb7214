package io.notifications.ratelimit;

import java.util.List;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With the limits off, the same small limits are never applied. */
@TestPropertySource(properties = { "notifications.rate-limit.enabled=false",
		"notifications.rate-limit.writes-per-minute=1", "notifications.rate-limit.requests-per-minute=1" })
class RateLimitDisabledTests extends ApiTestSupport {

	@Test
	void nothingIsLimited() {
		for (int i = 0; i < 5; i++) {
			Response write = postJson(RateLimitTests.CN, RateLimitTests.BODY, basic(ADMIN, ADMIN_PASSWORD));
			Response anonymous = get(RateLimitTests.CN + "/1", null);
			Response token = postForm("/api/token",
					"grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD);
			for (Response response : List.of(write, anonymous, token)) {
				assertThat(response.header("Retry-After")).isNull();
			}
			assertThat(List.of(write.status(), anonymous.status(), token.status())).containsExactly(200, 401, 200);
		}
	}

}
