package io.notifications.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Envelopes;
import io.notifications.support.RawHttp;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing, by Basic and by the password grant, from one client address: after a
 * few failures it is answered 429 before any password is checked, with a wait that grows;
 * the same user signs in from another address all along. Each test guesses from a
 * loopback address of its own (127.0.0.x), since the throttle remembers addresses for the
 * life of the application.
 */
@TestPropertySource(properties = "notifications.security.login-throttle.enabled=true")
class LoginThrottleTests extends ApiTestSupport {

	static final String BASE = "/api/spaces/coworkernotifications";

	@Test
	void wrongBasicPasswordsFromOneAddressAreThrottledWithoutLockingTheUserOutElsewhere() {
		int id = createdId(BASE, """
				{"CoworkerId":7,"Message":"m","NotificationType":"blog","EntityId":0}""");
		List<Response> guesses = new ArrayList<>();
		for (int guess = 0; guess < 100; guess++) {
			guesses.add(get("127.0.0.3", BASE + "/" + id, basic("cn-read@example.com", "guess-" + guess)));
		}

		// 5 failures are free, the 6th makes the next attempt wait
		int first429 = indexOfStatus(guesses, 429);
		assertThat(first429).isEqualTo(6);
		assertThat(guesses.subList(0, first429)).allSatisfy((response) -> assertThat(response.status()).isEqualTo(401));
		Response throttled = guesses.get(first429);
		String seconds = throttled.header("Retry-After");
		assertThat(seconds).matches("[1-9][0-9]*");
		assertThat(throttled.body())
			.isEqualTo(Envelopes.failure(429, "Wait " + seconds + " seconds before accessing this url again."));
		// throttled guesses stay throttled: at most a few more get their passwords
		// checked
		assertThat(guesses.stream().filter((response) -> response.status() == 401).count()).isLessThan(20);
		assertThat(guesses.stream().filter((response) -> response.status() != 401 && response.status() != 429))
			.isEmpty();

		// the real user, at another address, signs in at once
		Response elsewhere = get("127.0.0.4", BASE + "/" + id, basic("cn-read@example.com", "role-secret"));
		assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
		assertThat(elsewhere.json().get("Id").asInt()).isEqualTo(id);
		// and another user at the guesser's address is not slowed either: it is the user
		// that waits there
		assertThat(get("127.0.0.3", BASE + "/" + id, basic(ADMIN, ADMIN_PASSWORD)).status()).isEqualTo(200);
	}

	@Test
	void wrongPasswordsAtTheTokenEndpointAreThrottledWithoutLockingTheUserOutElsewhere() {
		List<Response> guesses = new ArrayList<>();
		for (int guess = 0; guess < 30; guess++) {
			guesses.add(passwordGrant("127.0.0.5", "cn-edit@example.com", "guess-" + guess));
		}

		int first429 = indexOfStatus(guesses, 429);
		assertThat(first429).isBetween(0, 19);
		assertThat(guesses.get(0).body()).isEqualTo("""
				{"error":"invalid_grant","error_description":"The user name or password is incorrect."}""");
		Response throttled = guesses.get(first429);
		assertThat(throttled.body()).isEqualTo(Envelopes.failure(429,
				"Wait " + throttled.header("Retry-After") + " seconds before accessing this url again."));

		Response elsewhere = passwordGrant("127.0.0.6", "cn-edit@example.com", "role-secret");
		assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
		assertThat(elsewhere.json().get("token_type").asString()).isEqualTo("bearer");
	}

	@Test
	void wrongTwoFactorCodesAfterTheRightPasswordAreThrottledLikeWrongPasswords() {
		this.jdbc.update("DELETE FROM totp_used_steps");
		List<Response> guesses = new ArrayList<>();
		for (int guess = 0; guess < 30; guess++) {
			guesses.add(passwordGrant("127.0.0.10", TwoFactorTests.USER, TwoFactorTests.PASSWORD, "x" + guess));
		}

		int first429 = indexOfStatus(guesses, 429);
		assertThat(first429).isBetween(0, 19);
		assertThat(guesses.get(0).body()).contains("is incorrect");

		long step = java.time.Instant.now().getEpochSecond() / 30;
		Response elsewhere = passwordGrant("127.0.0.11", TwoFactorTests.USER, TwoFactorTests.PASSWORD,
				TwoFactorTests.code(step));
		assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
	}

	/**
	 * Guesses sent at once take turns, each counted before the next: no more passwords
	 * are checked than for guesses in a row (5 free, the 6th), at the token endpoint as
	 * with Basic.
	 */
	@Test
	void guessesSentAtOnceAreCheckedNoMoreThanGuessesInARow() throws Exception {
		ExecutorService senders = Executors.newFixedThreadPool(24);
		try {
			List<Future<Response>> grants = new ArrayList<>();
			List<Future<Response>> basics = new ArrayList<>();
			for (int guess = 0; guess < 48; guess++) {
				String password = "guess-" + guess;
				grants.add(senders.submit(() -> passwordGrant("127.0.0.21", "cn-create@example.com", password)));
				basics.add(
						senders.submit(() -> get("127.0.0.22", BASE + "/1", basic("sn-create@example.com", password))));
			}
			for (List<Future<Response>> sent : List.of(grants, basics)) {
				List<Integer> statuses = new ArrayList<>();
				for (Future<Response> response : sent) {
					statuses.add(response.get(60, TimeUnit.SECONDS).status());
				}
				assertThat(statuses.stream().filter((status) -> status != 429)).hasSize(6)
					.allSatisfy((status) -> assertThat(status).isIn(400, 401));
			}
		}
		finally {
			senders.shutdownNow();
		}
	}

	@Test
	void guessingManyUserNamesFromOneAddressIsThrottled() {
		List<Response> guesses = new ArrayList<>();
		for (int guess = 0; guess < 30; guess++) {
			guesses.add(get("127.0.0.7", BASE + "/1", basic("user-" + guess + "@example.com", "guess")));
		}

		// one failure per user name: the address's own count stops it; 20 failures are
		// free, the 21st
		// makes the next attempt wait
		assertThat(indexOfStatus(guesses, 429)).isEqualTo(21);
		assertThat(get("127.0.0.8", BASE + "/1", basic("user-0@example.com", "guess")).status()).isEqualTo(401);
	}

	@Test
	void aUserNameInAnotherCaseIsTheSameUserToTheThrottle() {
		// the user store finds CN-Read@Example.com as cn-read@example.com
		assertThat(get("127.0.0.12", BASE + "/1", basic("CN-Read@Example.com", "role-secret")).status()).isNotIn(401,
				429);
		List<Response> guesses = new ArrayList<>();
		for (String spelling : List.of("cn-read@example.com", "CN-read@example.com", "cN-read@example.com",
				"cn-READ@example.com", "cn-read@EXAMPLE.com", "Cn-Read@example.com", "cn-read@Example.com",
				"CN-READ@EXAMPLE.COM")) {
			guesses.add(get("127.0.0.12", BASE + "/1", basic(spelling, "guess")));
		}

		// as with one spelling: 5 failures are free, the 6th makes the next attempt wait
		assertThat(indexOfStatus(guesses, 429)).isEqualTo(6);
		guesses.clear();
		for (String spelling : List.of("sn-read@example.com", "SN-read@example.com", "sN-read@example.com",
				"sn-READ@example.com", "sn-read@EXAMPLE.com", "Sn-Read@example.com", "sn-read@Example.com",
				"SN-READ@EXAMPLE.COM")) {
			guesses.add(passwordGrant("127.0.0.13", spelling, "guess"));
		}
		// one spelling at a time, the address alone would allow 20
		assertThat(indexOfStatus(guesses, 429)).isBetween(1, 6);
	}

	@Test
	void aSuccessfulSignInForgetsTheUsersFailuresAtThatAddress() {
		for (int round = 0; round < 3; round++) {
			for (int guess = 0; guess < 4; guess++) {
				assertThat(get("127.0.0.9", BASE + "/1", basic("sn-read@example.com", "typo")).status()).isEqualTo(401);
			}
			assertThat(get("127.0.0.9", BASE + "/1", basic("sn-read@example.com", "role-secret")).status()).isNotIn(401,
					429);
		}
	}

	private Response get(String fromAddress, String path, String authorization) {
		return RawHttp.exchange(fromAddress, this.port, "GET " + path
				+ " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization + "\r\nConnection: close\r\n\r\n");
	}

	private Response passwordGrant(String fromAddress, String username, String password) {
		return passwordGrant(fromAddress, username, password, null);
	}

	private Response passwordGrant(String fromAddress, String username, String password, String totp) {
		String form = "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
				+ ((totp != null) ? "&totp=" + totp : "");
		return RawHttp.exchange(fromAddress, this.port,
				"POST /api/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
						+ "Content-Length: " + form.length() + "\r\nConnection: close\r\n\r\n" + form);
	}

	private static int indexOfStatus(List<Response> responses, int status) {
		for (int at = 0; at < responses.size(); at++) {
			if (responses.get(at).status() == status) {
				return at;
			}
		}
		return -1;
	}

}
