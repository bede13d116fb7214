package io.notifications.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token revocation (RFC 7009) and ending every session of a user, through real HTTP with
 * tokens from {@code /api/token}.
 */
class RevocationTests extends ApiTestSupport {

	static final String CN = "/api/spaces/coworkernotifications";

	static final String FORM = "application/x-www-form-urlencoded";

	static final String UNAUTHORIZED = failure(401, "Authorization has been denied for this request.");

	static final String BAD_REFRESH_TOKEN = """
			{"error":"invalid_grant","error_description":"The refresh token is invalid, expired or already used."}""";

	@Test
	void aRevokedAccessTokenIsRefusedAndTheUsersOtherTokensAreNot() {
		JsonNode revoked = signIn("cn-list@example.com", "role-secret");
		JsonNode other = signIn("cn-list@example.com", "role-secret");
		assertThat(get(CN, bearer(revoked)).status()).isEqualTo(200);

		Response revocation = revoke(revoked.get("access_token").asString());

		assertThat(revocation.status()).isEqualTo(200);
		assertThat(revocation.body()).isEmpty();
		assertThat(revocation.header("Cache-Control")).isEqualTo("no-store");
		assertRefused(get(CN, bearer(revoked)));
		assertThat(get(CN, bearer(other)).status()).isEqualTo(200);
		// its refresh token was not revoked with it
		assertThat(refresh(revoked.get("refresh_token").asString()).status()).isEqualTo(200);
	}

	@Test
	void aRevokedRefreshTokenCannotBeUsedAndItsAccessTokenIsRevokedWithIt() {
		JsonNode tokens = signIn("cn-list@example.com", "role-secret");

		assertThat(revoke(tokens.get("refresh_token").asString()).status()).isEqualTo(200);

		Response refreshed = refresh(tokens.get("refresh_token").asString());
		assertThat(refreshed.status()).isEqualTo(400);
		assertThat(refreshed.body()).isEqualTo(BAD_REFRESH_TOKEN);
		assertRefused(get(CN, bearer(tokens)));
	}

	@Test
	void revocationAnswers200WhateverTheTokenWas() {
		JsonNode tokens = signIn("cn-list@example.com", "role-secret");
		String accessToken = tokens.get("access_token").asString();
		assertThat(revoke(accessToken).status()).isEqualTo(200);

		for (String token : new String[] { accessToken, "garbage", "eyJ.eyJ.c2ln", "bm90LWEtcmVmcmVzaC10b2tlbg" }) {
			Response response = send("POST", "/api/token/revoke", FORM,
					"token=" + token + "&token_type_hint=access_token", null);
			assertThat(response.status()).as(token).isEqualTo(200);
			assertThat(response.body()).as(token).isEmpty();
		}
		// revoking needs no credentials of its own, even an Administrator's
		assertThat(send("POST", "/api/token/revoke", FORM, "token=garbage", admin()).status()).isEqualTo(200);
	}

	/** It answered 200 and revoked nothing: a sign-out that silently failed. */
	@Test
	void aTokenSentTwiceIsABadRequestAndNothingIsRevoked() {
		JsonNode tokens = signIn("cn-list@example.com", "role-secret");
		String accessToken = tokens.get("access_token").asString();

		for (String form : List.of("token=" + accessToken + "&token=" + accessToken,
				"token=garbage&token=" + accessToken)) {
			Response response = send("POST", "/api/token/revoke", FORM, form, null);

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.body()).isEqualTo("""
					{"error":"invalid_request","error_description":"The parameter token is repeated."}""");
		}
		Response ending = send("POST", "/api/token/revoke-all", FORM,
				"user=cn-list@example.com&user=cn-list@example.com", admin());
		assertThat(ending.status()).isEqualTo(400);
		assertThat(ending.body()).isEqualTo("""
				{"error":"invalid_request","error_description":"The parameter user is repeated."}""");
		assertThat(get(CN, bearer(tokens)).status()).isEqualTo(200);
	}

	/**
	 * As on {@code /api/token}; the token was revoked with a malformed escape beside it.
	 */
	@Test
	void aFormThatIsNotStrictUtf8IsABadRequestAndNothingIsRevoked() {
		JsonNode tokens = signIn("cn-list@example.com", "role-secret");
		String accessToken = tokens.get("access_token").asString();

		for (String form : List.of("token=" + accessToken + "&x=%zz", "token=" + accessToken + "&x=%C0%AF")) {
			Response response = send("POST", "/api/token/revoke", FORM, form, null);

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.body()).isEqualTo("""
					{"error":"invalid_request","error_description":"The request body is not a valid UTF-8 form."}""");
		}
		assertThat(get(CN, bearer(tokens)).status()).isEqualTo(200);
	}

	/** As on {@code /api/token}: a token in a URL ends up in logs and histories. */
	@Test
	void parametersInTheUrlAreRefusedAndNothingIsRevoked() {
		JsonNode tokens = signIn("cn-list@example.com", "role-secret");
		String accessToken = tokens.get("access_token").asString();
		String refused = """
				{"error":"invalid_request","error_description":"The parameters go in the form body, not in the URL."}""";

		for (String[] request : List.of(new String[] { "/api/token/revoke?token=" + accessToken, "" },
				new String[] { "/api/token/revoke?x=1", "token=" + accessToken })) {
			Response response = send("POST", request[0], FORM, request[1], null);
			assertThat(response.status()).as(request[0]).isEqualTo(400);
			assertThat(response.body()).isEqualTo(refused);
		}
		Response ending = send("POST", "/api/token/revoke-all?user=cn-list@example.com", FORM, "", admin());
		assertThat(ending.status()).isEqualTo(400);
		assertThat(ending.body()).isEqualTo(refused);
		assertThat(get(CN, bearer(tokens)).status()).isEqualTo(200);
	}

	@Test
	void revocationWithoutATokenIsABadRequest() {
		Response missing = send("POST", "/api/token/revoke", FORM, "token_type_hint=refresh_token", null);

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).isEqualTo("""
				{"error":"invalid_request","error_description":"The token to revoke is missing."}""");
		assertThat(send("POST", "/api/token/revoke", "application/json", """
				{"token":"x"}""", null).status()).isEqualTo(415);
	}

	@Test
	void anAdministratorEndsEverySessionOfAUserInOneCall() {
		JsonNode first = signIn("sessions@example.com", "role-secret");
		JsonNode second = signIn("sessions@example.com", "role-secret");
		assertThat(get(CN, bearer(first)).status()).isEqualTo(200);

		Response forbidden = send("POST", "/api/token/revoke-all", FORM, "user=sessions@example.com",
				bearer(signIn("cn-list@example.com", "role-secret")));
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.body()).isEqualTo(failure(403, "You do not have permission to perform this action."));
		assertThat(send("POST", "/api/token/revoke-all", FORM, "user=sessions@example.com", null).status())
			.isEqualTo(401);
		assertThat(get(CN, bearer(first)).status()).isEqualTo(200);

		Response ended = send("POST", "/api/token/revoke-all", FORM, "user=sessions@example.com", admin());

		assertThat(ended.status()).as(ended.body()).isEqualTo(200);
		Instant cutoff = Instant.parse(ended.json().get("revoked_before").asString());
		assertThat(ended.body()).isEqualTo("""
				{"user":"sessions@example.com","revoked_before":"%s"}""".formatted(cutoff));
		for (JsonNode session : new JsonNode[] { first, second }) {
			assertRefused(get(CN, bearer(session)));
			assertThat(refresh(session.get("refresh_token").asString()).body()).isEqualTo(BAD_REFRESH_TOKEN);
		}
		// a token issued after the cutoff works (tokens carry their issue time in whole
		// seconds)
		this.clock.advance(Duration.between(this.clock.instant(), cutoff).plusMillis(1).abs());
		assertThat(get(CN, bearer(signIn("sessions@example.com", "role-secret"))).status()).isEqualTo(200);
	}

	/** Sign-in takes a user name in any case; tokens carry it as configured. */
	@Test
	void theSessionsOfAUserSpelledInAnotherCaseEndToo() {
		JsonNode session = signIn("Spelled@Example.com", "role-secret");
		assertThat(get(CN, bearer(session)).status()).isEqualTo(200);

		Response ended = send("POST", "/api/token/revoke-all", FORM, "user=SPELLED@example.COM", admin());

		assertThat(ended.status()).as(ended.body()).isEqualTo(200);
		assertThat(ended.json().get("user").asString()).isEqualTo("spelled@example.com");
		assertRefused(get(CN, bearer(session)));
		assertThat(refresh(session.get("refresh_token").asString()).body()).isEqualTo(BAD_REFRESH_TOKEN);
	}

	@Test
	void aUserLongerThanAnyIsABadRequestAndEndsNothing() {
		JsonNode session = signIn("cn-list@example.com", "role-secret");

		Response refused = send("POST", "/api/token/revoke-all", FORM, "user=" + "x".repeat(244) + "@example.com",
				admin());

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).isEqualTo("""
				{"error":"invalid_request","error_description":"The user is longer than 255 characters."}""");
		assertThat(get(CN, bearer(session)).status()).isEqualTo(200);
	}

	@Test
	void endingSessionsWithoutAUserIsABadRequest() {
		Response missing = send("POST", "/api/token/revoke-all", FORM, "", admin());

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).isEqualTo("""
				{"error":"invalid_request","error_description":"The user whose sessions to end is missing."}""");
	}

	private void assertRefused(Response response) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(UNAUTHORIZED);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
	}

	private JsonNode signIn(String email, String password) {
		Response response = postForm("/api/token", "grant_type=password&username=" + email + "&password=" + password);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private Response refresh(String refreshToken) {
		return postForm("/api/token", "grant_type=refresh_token&refresh_token=" + refreshToken);
	}

	private Response revoke(String token) {
		return postForm("/api/token/revoke", "token=" + token);
	}

	private static String bearer(JsonNode tokens) {
		return "Bearer " + tokens.get("access_token").asString();
	}

}
