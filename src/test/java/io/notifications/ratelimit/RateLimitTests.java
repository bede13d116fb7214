package io.notifications.ratelimit;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits over real HTTP, with small limits: 2 writes and 3 requests a minute. The
 * buckets live as long as the application, so each test uses callers of its own: its own
 * users (by Basic, which does not touch {@code /api/token}), and only
 * {@link #requestsWithoutCredentialsAndTokenRequestsShareTheClientsAddress} uses the
 * client address.
 */
@TestPropertySource(properties = { "notifications.rate-limit.enabled=true",
		"notifications.rate-limit.writes-per-minute=2", "notifications.rate-limit.requests-per-minute=3",
		"notifications.security.users[0].email=first@example.com",
		"notifications.security.users[0].password={noop}secret", "notifications.security.users[0].roles=Administrator",
		"notifications.security.users[1].email=second@example.com",
		"notifications.security.users[1].password={noop}secret", "notifications.security.users[1].roles=Administrator",
		"notifications.security.users[2].email=third@example.com",
		"notifications.security.users[2].password={noop}secret", "notifications.security.users[2].roles=Administrator",
		"notifications.security.users[3].email=fourth@example.com",
		"notifications.security.users[3].password={noop}secret",
		"notifications.security.users[3].roles=Administrator" })
class RateLimitTests extends ApiTestSupport {

	static final String CN = "/api/spaces/coworkernotifications";

	static final String BODY = """
			{"CoworkerId":5,"Message":"m","NotificationType":"blog","EntityId":1}""";

	@Test
	void theWriteOverTheLimitGets429AndReadsKeepTheirOwnBudget() {
		String first = basic("first@example.com", "secret");
		assertThat(postJson(CN, BODY, first).status()).isEqualTo(200);
		int id = postJson(CN, BODY, first).json().get("Value").get("Id").asInt();

		Response refused = postJson(CN, BODY, first);

		assertTooManyRequests(refused, 30);
		assertThat(count()).isEqualTo(2);
		// the refused write did not count: one read remains of the 3 requests a minute
		assertThat(get(CN + "/" + id, first).status()).isEqualTo(200);
		assertTooManyRequests(get(CN + "/" + id, first), 20);
		assertTooManyRequests(putJson(CN, BODY, first), 20);
	}

	@Test
	void eachUserHasBucketsOfTheirOwn() {
		String second = basic("second@example.com", "secret");
		postJson(CN, BODY, second);
		postJson(CN, BODY, second);
		assertThat(postJson(CN, BODY, second).status()).isEqualTo(429);

		Response third = postJson(CN, BODY, basic("third@example.com", "secret"));

		assertThat(third.status()).isEqualTo(200);
		assertThat(count()).isEqualTo(3);
	}

	@Test
	void requestsWithoutCredentialsAndTokenRequestsShareTheClientsAddress() {
		String grant = "grant_type=password&username=fourth@example.com&password=secret";
		assertThat(get(CN + "/1", null).status()).isEqualTo(401);
		Response token = postForm("/api/token", grant);
		assertThat(token.status()).isEqualTo(200);
		assertThat(postForm("/api/token", "grant_type=password&username=fourth@example.com&password=wrong").status())
			.isEqualTo(400);

		assertTooManyRequests(get(CN + "/1", null), 20);
		assertTooManyRequests(postForm("/api/token", grant), 20);
		// a token that is not accepted counts by address too: it was always a 401
		assertTooManyRequests(get(CN + "/1", "Bearer abc.def.ghi"), 20);
		// the token's user is limited by name, not by the address that is out of requests
		String bearer = "Bearer " + token.json().get("access_token").asString();
		assertThat(postJson(CN, BODY, bearer).status()).isEqualTo(200);
		assertThat(get(CN + "/1", basic("fourth@example.com", "secret")).status()).isNotEqualTo(429);
	}

	private void assertTooManyRequests(Response response, int atMostSeconds) {
		assertThat(response.status()).as(response.body()).isEqualTo(429);
		String retryAfter = response.header("Retry-After");
		assertThat(retryAfter).matches("[1-9][0-9]*");
		int seconds = Integer.parseInt(retryAfter);
		assertThat(seconds).isBetween(1, atMostSeconds);
		assertThat(response.body())
			.isEqualTo(failure(429, "Wait " + seconds + " seconds before accessing this url again."));
		assertThat(response.header("Content-Type")).startsWith("application/json");
	}

	private int count() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM coworker_notifications", Integer.class);
	}

}
