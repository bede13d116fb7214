package io.notifications.security;

import java.util.List;
import java.util.Map;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.RawHttp;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth2 client credentials on {@code POST /api/token}, in a Basic header or in the form,
 * are accepted and ignored (Nexudus registers no clients), starting with the exact
 * request of Swagger UI's Authorize on its default settings; the user's password in the
 * form still decides. Runs with the login throttle on (the context of
 * {@code LoginThrottleTests}), guessing from an address of its own.
 */
@TestPropertySource(properties = "notifications.security.login-throttle.enabled=true")
class TokenClientCredentialsTests extends ApiTestSupport {

	/** What Swagger UI 5's password flow sends with an empty client id and secret. */
	static final Map<String, String> SWAGGER_UI_HEADERS = Map.of("Accept", "application/json, text/plain, */*",
			"X-Requested-With", "XMLHttpRequest");

	static final String SWAGGER_UI_FORM = "grant_type=password&username=admin%40example.com&password=admin-secret";

	@Test
	void swaggerUisPasswordFlowGetsATokenThatWorks() {
		Response response = send("POST", "/api/token", "application/x-www-form-urlencoded", SWAGGER_UI_FORM,
				"Basic Og==", SWAGGER_UI_HEADERS);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).matches(TokenEndpointTests.TOKEN_RESPONSE);
		String token = response.json().get("access_token").asString();
		assertThat(get("/api/spaces/coworkernotifications?page=1", "Bearer " + token).status()).isEqualTo(200);
	}

	@Test
	void clientCredentialsInTheHeaderOrTheFormAreIgnored() {
		List<Response> responses = List.of(
				send("POST", "/api/token", "application/x-www-form-urlencoded", SWAGGER_UI_FORM,
						basic("swagger-ui", "any-secret")),
				// a user's own credentials in the header are client credentials here too
				send("POST", "/api/token", "application/x-www-form-urlencoded", SWAGGER_UI_FORM,
						basic("nobody@example.com", "wrong")),
				send("POST", "/api/token", "application/x-www-form-urlencoded", SWAGGER_UI_FORM, "Basic not-base64"),
				postForm("/api/token", SWAGGER_UI_FORM + "&client_id=&client_secret="),
				postForm("/api/token", SWAGGER_UI_FORM + "&client_id=swagger-ui&client_secret=any-secret"));

		for (Response response : responses) {
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).matches(TokenEndpointTests.TOKEN_RESPONSE);
		}
	}

	@Test
	void aRefreshGrantWithSwaggerUisHeaderWorks() {
		String refresh = postForm("/api/token", SWAGGER_UI_FORM).json().get("refresh_token").asString();

		Response response = send("POST", "/api/token", "application/x-www-form-urlencoded",
				"grant_type=refresh_token&refresh_token=" + refresh, "Basic Og==", SWAGGER_UI_HEADERS);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).matches(TokenEndpointTests.TOKEN_RESPONSE);
	}

	@Test
	void aWrongUserPasswordFailsAsWithoutClientCredentials() {
		String wrong = "grant_type=password&username=admin%40example.com&password=wrong";
		List<Response> responses = List.of(
				send("POST", "/api/token", "application/x-www-form-urlencoded", wrong, "Basic Og==",
						SWAGGER_UI_HEADERS),
				// the right password in the header does not stand in for a wrong one in
				// the form
				send("POST", "/api/token", "application/x-www-form-urlencoded", wrong, basic(ADMIN, ADMIN_PASSWORD)),
				postForm("/api/token", wrong + "&client_id=&client_secret="), postForm("/api/token", wrong));

		for (Response response : responses) {
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.body()).isEqualTo(TokenEndpointTests.BAD_CREDENTIALS);
			assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		}
	}

	/**
	 * A client that keeps its access token in a default header sends it, expired or
	 * revoked, with the refresh that would replace it.
	 */
	@Test
	void aBearerTokenThatFailsOrABadPasswordInTheHeaderStopsNoGrantAndNoRevocation() {
		Response signIn = postForm("/api/token", SWAGGER_UI_FORM);
		String access = signIn.json().get("access_token").asString();
		String refresh = signIn.json().get("refresh_token").asString();
		assertThat(postForm("/api/token/revoke", "token=" + access).status()).isEqualTo(200);
		assertThat(get("/api/spaces/coworkernotifications?page=1", "Bearer " + access).status()).isEqualTo(401);

		List<Response> grants = List.of(
				send("POST", "/api/token", "application/x-www-form-urlencoded",
						"grant_type=refresh_token&refresh_token=" + refresh, "Bearer " + access),
				send("POST", "/api/token", "application/x-www-form-urlencoded", SWAGGER_UI_FORM, "Bearer x.y.z"),
				// malformed, which Spring's resolver answers with invalid_request
				send("POST", "/api/token", "application/x-www-form-urlencoded", SWAGGER_UI_FORM, "Bearer !!!"));
		for (Response response : grants) {
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).matches(TokenEndpointTests.TOKEN_RESPONSE);
		}
		String next = grants.get(1).json().get("access_token").asString();
		for (String authorization : List.of("Bearer " + access, "Bearer !!!", basic(ADMIN, "wrong"))) {
			Response revoked = send("POST", "/api/token/revoke", "application/x-www-form-urlencoded", "token=" + next,
					authorization);
			assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
			assertThat(revoked.body()).isEmpty();
		}
		assertThat(get("/api/spaces/coworkernotifications?page=1", "Bearer " + next).status()).isEqualTo(401);
	}

	@Test
	void clientCredentialsDoNotHideTheUserFromTheLoginThrottle() {
		String guess = "grant_type=password&username=sn-delete%40example.com&password=guess";
		int first429 = -1;
		for (int attempt = 0; attempt < 30 && first429 < 0; attempt++) {
			Response response = RawHttp.exchange("127.0.0.21", this.port,
					"POST /api/token HTTP/1.1\r\nHost: localhost\r\n"
							+ "Authorization: Basic Og==\r\nContent-Type: application/x-www-form-urlencoded\r\n"
							+ "Content-Length: " + guess.length() + "\r\nConnection: close\r\n\r\n" + guess);
			if (response.status() == 429) {
				first429 = attempt;
			}
			else {
				assertThat(response.body()).isEqualTo(TokenEndpointTests.BAD_CREDENTIALS);
			}
		}

		// throttled as the user it names, as without the header: 5 failures are free
		assertThat(first429).isEqualTo(6);
	}

}
