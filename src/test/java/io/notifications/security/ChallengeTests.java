package io.notifications.security;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.RawHttp;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every 401 challenges for both schemes, Bearer (RFC 6750) and Basic, in two header
 * fields, so that a client that sends Basic credentials only after a Basic challenge
 * signs in: Java's {@code HttpClient} with an {@code Authenticator}, over real HTTP. A
 * 403 challenges only a bearer token (its scope is too narrow); a password has nothing to
 * add.
 */
class ChallengeTests extends ApiTestSupport {

	static final String BASIC = "Basic realm=\"Nexudus notifications\", charset=\"UTF-8\"";

	static final String UNAUTHORIZED = failure(401, "Authorization has been denied for this request.");

	static final String FORBIDDEN = failure(403, "You do not have permission to perform this action.");

	@Test
	void noCredentialsAreChallengedForBearerAndBasic() {
		Response response = get("/api/spaces/coworkernotifications/1", null);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(
				"Bearer resource_metadata=\"http://localhost:" + this.port + "/.well-known/oauth-protected-resource\"",
				BASIC);
		assertThat(response.body()).isEqualTo(UNAUTHORIZED);
	}

	/** A proxy that checked the other one would let through whoever the first one is. */
	@Test
	void twoAuthorizationHeadersAreABadRequestInWhicheverOrder() {
		String token = admin();
		for (String[] pair : new String[][] { { token, "Bearer not-a-token" }, { "Bearer not-a-token", token },
				{ token, token } }) {
			Response response = RawHttp.exchange("127.0.0.1", this.port, """
					GET /api/spaces/coworkernotifications?page=1 HTTP/1.1\r
					Host: localhost\r
					Authorization: %s\r
					Authorization: %s\r
					Connection: close\r
					\r
					""".formatted(pair[0], pair[1]));

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.body()).isEqualTo(failure(400, "The request is invalid."));
		}
	}

	/**
	 * The same for the body's type: a PUT read as the first type's and checked as the
	 * other's by a proxy; nothing is written.
	 */
	@Test
	void twoContentTypeHeadersAreABadRequestAndChangeNothing() {
		int id = createdId("/api/spaces/coworkernotifications", """
				{"CoworkerId":5,"Message":"Before","NotificationType":"blog","EntityId":0}""");
		String body = """
				{"Id":%d,"CoworkerId":5,"Message":"After","NotificationType":"blog","EntityId":0}""".formatted(id);
		for (String[] pair : new String[][] { { "application/json", "text/plain" },
				{ "application/json", "application/x-www-form-urlencoded" }, { "text/plain", "application/json" } }) {
			Response response = RawHttp.exchange("127.0.0.1", this.port, """
					PUT /api/spaces/coworkernotifications HTTP/1.1\r
					Host: localhost\r
					Authorization: %s\r
					Content-Type: %s\r
					Content-Type: %s\r
					Content-Length: %d\r
					Connection: close\r
					\r
					%s""".formatted(admin(), pair[0], pair[1], body.length(), body));

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.body()).isEqualTo(failure(400, "The request is invalid."));
		}
		assertThat(get("/api/spaces/coworkernotifications/" + id, admin()).body()).contains("\"Message\":\"Before\"");
	}

	@Test
	void aBadTokenOrBadBasicCredentialsAreChallengedForBoth() {
		Response badToken = get("/api/sys/systemnotifications/1", "Bearer not-a-token");
		Response badPassword = get("/api/sys/systemnotifications/1", basic(ADMIN, "wrong"));

		assertThat(badToken.status()).isEqualTo(401);
		assertThat(badToken.headers().allValues("WWW-Authenticate")).hasSize(2)
			.satisfies((values) -> assertThat(values.get(0)).startsWith("Bearer error=\"invalid_token\""))
			.endsWith(BASIC);
		assertThat(badToken.body()).isEqualTo(UNAUTHORIZED);
		assertThat(badPassword.status()).isEqualTo(401);
		assertThat(badPassword.headers().allValues("WWW-Authenticate")).hasSize(2).endsWith(BASIC);
		assertThat(badPassword.body()).isEqualTo(UNAUTHORIZED);
	}

	@Test
	void javasHttpClientWithAnAuthenticatorUpdatesARecord() throws Exception {
		int id = createdId("/api/spaces/coworkernotifications", """
				{"CoworkerId":5,"Message":"Before","NotificationType":"blog","EntityId":0}""");
		List<String> challenges = new CopyOnWriteArrayList<>();
		Authenticator authenticator = new Authenticator() {
			@Override
			protected PasswordAuthentication getPasswordAuthentication() {
				challenges.add(getRequestingScheme() + " " + getRequestingPrompt());
				return new PasswordAuthentication("cn-edit@example.com", "role-secret".toCharArray());
			}
		};
		HttpClient client = HttpClient.newBuilder().authenticator(authenticator).build();
		HttpRequest put = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/spaces/coworkernotifications"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString("""
					{"Id":%d,"CoworkerId":5,"Message":"After","NotificationType":"blog","EntityId":0}""".formatted(id)))
			.build();

		HttpResponse<String> response = client.send(put, BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"Message\":\"CoworkerNotification was successfully updated.\"")
			.contains("\"UpdatedBy\":\"cn-edit@example.com\"");
		assertThat(challenges).containsExactly("basic Nexudus notifications");
		assertThat(readRecord("/api/spaces/coworkernotifications", id).get("Message").asString()).isEqualTo("After");
	}

	@Test
	void aForbiddenTokenIsToldItsScopeIsTooNarrowAndAForbiddenBasicCallerIsNotChallenged() {
		Response token = get("/api/sys/systemnotifications/1", bearer("cn-edit@example.com", "role-secret"));
		Response password = get("/api/sys/systemnotifications/1", basic("cn-edit@example.com", "role-secret"));

		assertThat(token.status()).isEqualTo(403);
		assertThat(token.headers().allValues("WWW-Authenticate")).singleElement()
			.asString()
			.startsWith("Bearer error=\"insufficient_scope\"");
		assertThat(token.body()).isEqualTo(FORBIDDEN);
		assertThat(password.status()).isEqualTo(403);
		assertThat(password.headers().allValues("WWW-Authenticate")).isEmpty();
		assertThat(password.body()).isEqualTo(FORBIDDEN);
	}

}
