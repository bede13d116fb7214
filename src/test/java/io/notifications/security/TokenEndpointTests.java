package io.notifications.security;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.notifications.support.ApiTestSupport;
import io.notifications.support.Envelopes;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code POST /api/token} over real HTTP: Nexudus's password and refresh-token grants,
 * their exact bodies, the access token's claims, and refresh tokens that rotate and are
 * stored only as hashes.
 */
class TokenEndpointTests extends ApiTestSupport {

	static final String TOKEN_RESPONSE = """
			\\{"access_token":"eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+",\
			"token_type":"bearer","expires_in":604799,"refresh_token":"[A-Za-z0-9_-]{43}"\\}""";

	static final String BAD_CREDENTIALS = """
			{"error":"invalid_grant","error_description":"The user name or password is incorrect."}""";

	static final String BAD_REFRESH_TOKEN = """
			{"error":"invalid_grant","error_description":"The refresh token is invalid, expired or already used."}""";

	static final String UNSUPPORTED = """
			{"error":"unsupported_grant_type"}""";

	@Test
	void passwordGrantAnswersNexudusTokenBodyWithoutCaching() {
		Response response = passwordGrant(ADMIN, ADMIN_PASSWORD);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).matches(TOKEN_RESPONSE);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
	}

	@Test
	void accessTokenIsAnRs256JwtWithTheContractsClaimsSignedByThePublishedKey() throws Exception {
		Instant before = Instant.now().minusSeconds(1);
		Response response = passwordGrant("cn-edit@example.com", "role-secret");
		SignedJWT token = SignedJWT.parse(response.json().get("access_token").asString());
		JWKSet published = JWKSet.parse(get("/.well-known/jwks.json", null).body());

		assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		RSAKey key = (RSAKey) published.getKeyByKeyId(token.getHeader().getKeyID());
		assertThat(key).isNotNull();
		assertThat(key.isPrivate()).isFalse();
		assertThat(token.verify(new RSASSAVerifier(key))).isTrue();

		JWTClaimsSet claims = token.getJWTClaimsSet();
		assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("sub", "email", "roles", "iss", "aud", "iat",
				"exp", "jti", "cfp");
		assertThat(claims.getSubject()).isEqualTo("cn-edit@example.com");
		assertThat(claims.getStringClaim("email")).isEqualTo("cn-edit@example.com");
		assertThat(claims.getStringListClaim("roles")).containsExactly("CoworkerNotification-Edit");
		assertThat(claims.getIssuer()).isEqualTo("notifications");
		assertThat(claims.getAudience()).containsExactly("nexudus-api");
		assertThat(claims.getIssueTime().toInstant()).isBetween(before, Instant.now());
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofSeconds(604799));
		assertThat(claims.getJWTID()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		// the credential's fingerprint (issue 14): a keyed 128-bit digest, neither the
		// password nor its hash
		assertThat(claims.getStringClaim("cfp")).matches("[A-Za-z0-9_-]{22}")
			.isNotEqualTo(Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(Arrays.copyOf(MessageDigest.getInstance("SHA-256")
					.digest("{noop}role-secret".getBytes(StandardCharsets.UTF_8)), 16)));
		assertThat(passwordGrant("cn-edit@example.com", "role-secret").json().get("access_token").asString())
			.isNotEqualTo(token.serialize());
	}

	@Test
	void theAccessTokenIsAcceptedOnTheApi() {
		String token = passwordGrant(ADMIN, ADMIN_PASSWORD).json().get("access_token").asString();

		Response response = get("/api/spaces/coworkernotifications/1", "Bearer " + token);

		assertThat(response.status()).isEqualTo(404);
	}

	@Test
	void wrongPasswordUnknownUserAndMissingFieldsAreOneInvalidGrant() {
		for (String form : List.of("grant_type=password&username=admin@example.com&password=wrong",
				"grant_type=password&username=stranger@example.com&password=admin-secret",
				"grant_type=password&username=admin@example.com&password=",
				"grant_type=password&username=admin@example.com", "grant_type=password")) {
			Response response = postForm("/api/token", form);

			assertThat(response.status()).as(form).isEqualTo(400);
			assertThat(response.body()).as(form).isEqualTo(BAD_CREDENTIALS);
			assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		}
	}

	@Test
	void aJsonBodyOrAnUnknownOrMissingGrantIsUnsupported() {
		List<Response> responses = List.of(postJson("/api/token", """
				{"grant_type":"password","username":"admin@example.com","password":"admin-secret"}""", null),
				send("POST", "/api/token", null, "grant_type=password&username=admin@example.com&password=admin-secret",
						null),
				postForm("/api/token", "grant_type=client_credentials&client_id=x&client_secret=y"),
				postForm("/api/token", "username=admin@example.com&password=admin-secret"), postForm("/api/token", ""));

		for (Response response : responses) {
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.body()).isEqualTo(UNSUPPORTED);
		}
	}

	/** Each was a 500 with an ERROR and its stack trace, which anyone could repeat. */
	@Test
	void aContentTypeThatCannotBeReadIsUnsupported() {
		for (String contentType : List.of("text/plain; charset=bogus", ";;;", "/", "a b",
				"application/x-www-form-urlencoded; charset=\"bogus", "é/x", "multipart/form-data")) {
			Response response = send("POST", "/api/token", contentType,
					"grant_type=password&username=admin@example.com&password=admin-secret", null);

			assertThat(response.status()).as(contentType).isEqualTo(400);
			assertThat(response.body()).as(contentType).isEqualTo(UNSUPPORTED);
		}
	}

	/**
	 * RFC 6749 section 3.2; Spring bound two values as one, joined by a comma: a refresh
	 * token sent twice was "invalid" and a password sent twice was checked as "a,b".
	 */
	@Test
	void aParameterSentTwiceIsAnInvalidRequest() {
		Map<String, List<Map<String, Object>>> before = writableRows();
		for (String[] form : List.of(
				new String[] { "grant_type=password&username=admin@example.com&password=admin&password=secret",
						"password" },
				new String[] {
						"grant_type=password&grant_type=password&username=admin@example.com&password=admin-secret",
						"grant_type" },
				new String[] {
						"grant_type=password&username=admin@example.com&password=admin-secret&client_id=a&client_id=b",
						"client_id" })) {
			Response response = postForm("/api/token", form[0]);

			assertThat(response.status()).as(form[0]).isEqualTo(400);
			assertThat(response.body()).isEqualTo("""
					{"error":"invalid_request","error_description":"The parameter %s is repeated."}"""
				.formatted(form[1]));
			assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		}
		assertThat(writableRows()).isEqualTo(before);
	}

	/**
	 * The contract's rule for bodies, in the form RFC 6749 appendix B gives: the
	 * request's parameters, as Tomcat's, skipped a malformed escape and decoded a form in
	 * UTF-16 as if it were ASCII, and each of these was issued a token.
	 */
	@Test
	void aFormThatIsNotStrictUtf8IsAnInvalidRequestAndIssuesNothing() {
		Map<String, List<Map<String, Object>>> before = writableRows();
		String form = "grant_type=password&username=admin@example.com&password=admin-secret";
		byte[] rawByte = (form + "&x=\u00ff").getBytes(StandardCharsets.ISO_8859_1);
		List<Response> responses = List.of(postForm("/api/token", form + "&x=%zz"),
				postForm("/api/token", form + "&x=%u0041"), postForm("/api/token", form + "&x=%C0%AF"),
				postForm("/api/token", form + "&x=%"),
				send("POST", "/api/token", "application/x-www-form-urlencoded", BodyPublishers.ofByteArray(rawByte),
						null),
				send("POST", "/api/token", "application/x-www-form-urlencoded; charset=utf-16", form, null),
				send("POST", "/api/token", "application/x-www-form-urlencoded; charset=iso-8859-1", form, null));

		for (Response response : responses) {
			assertThat(response.status()).as(response.body()).isEqualTo(400);
			assertThat(response.body()).isEqualTo("""
					{"error":"invalid_request","error_description":"The request body is not a valid UTF-8 form."}""");
			assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		}
		assertThat(writableRows()).isEqualTo(before);
		for (String contentType : List.of("application/x-www-form-urlencoded; charset=UTF-8",
				"application/x-www-form-urlencoded; charset=us-ascii")) {
			assertThat(send("POST", "/api/token", contentType, form + "&x=%C3%A9", null).status()).isEqualTo(200);
		}
	}

	/**
	 * The contract's limit, before the form is parsed; Tomcat parsed up to 2 MiB, and a
	 * chunked form past the limit was read as far as it had been received.
	 */
	@Test
	void aFormOverTheLimitIsA413AndIssuesNothing() {
		Map<String, List<Map<String, Object>>> before = writableRows();
		String form = "grant_type=password&username=admin@example.com&password=admin-secret&pad="
				+ "a".repeat(1024 * 1024);
		byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
		List<Response> responses = List.of(postForm("/api/token", form),
				send("POST", "/api/token", "application/x-www-form-urlencoded",
						BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)), null),
				postForm("/api/token/revoke", "token=x&pad=" + "a".repeat(1024 * 1024)));

		for (Response response : responses) {
			assertThat(response.status()).isEqualTo(413);
			assertThat(response.body())
				.isEqualTo(Envelopes.failure(413, "The request body is larger than the limit of 1 MiB."));
		}
		assertThat(writableRows()).isEqualTo(before);
	}

	@Test
	void parametersInTheUrlAreRefusedEvenBesideAForm() {
		for (String[] request : List.of(
				new String[] { "/api/token?grant_type=password&username=admin@example.com&password=admin-secret", "" },
				new String[] { "/api/token?password=admin-secret", "grant_type=password&username=admin@example.com" },
				new String[] { "/api/token?x=1",
						"grant_type=password&username=admin@example.com&password=admin-secret" })) {
			Response response = postForm(request[0], request[1]);

			assertThat(response.status()).as(request[0]).isEqualTo(400);
			assertThat(response.body()).isEqualTo(
					"""
							{"error":"invalid_request","error_description":"The parameters go in the form body, not in the URL."}""");
			assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		}
	}

	/** Refused before anything is done: no refresh token stored, no session ended. */
	@Test
	void aCallerThatTakesNoJsonGetsA406AndNoTokenIsIssuedOrRevoked() {
		String form = "application/x-www-form-urlencoded";
		Map<String, String> html = Map.of("Accept", "text/html");
		String admin = admin();
		Map<String, List<Map<String, Object>>> before = writableRows();

		List<Response> refused = List.of(
				send("POST", "/api/token", form, "grant_type=password&username=admin@example.com&password=admin-secret",
						null, html),
				send("POST", "/api/token/revoke-all", form, "user=admin@example.com", admin, html));

		for (Response response : refused) {
			assertThat(response.status()).as(response.body()).isEqualTo(406);
			assertThat(response.body()).isEqualTo(Envelopes.failure(406,
					"The requested response type is not available; this API answers application/json."));
		}
		assertThat(writableRows()).isEqualTo(before);
	}

	@Test
	void theRevocationEndpointsSay415InTermsOfTheFormTheyTake() {
		Response response = postJson("/api/token/revoke", "{\"token\":\"x\"}", null);

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.body()).isEqualTo(Envelopes.failure(415,
				"The request content type is not supported; send application/x-www-form-urlencoded."));
	}

	@Test
	void aFormWithACharsetAndAClientIdIsAccepted() {
		Response response = send("POST", "/api/token", "application/x-www-form-urlencoded; charset=UTF-8",
				"grant_type=password&username=admin%40example.com&password=admin-secret&client_id=any", null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).matches(TOKEN_RESPONSE);
	}

	@Test
	void refreshGrantIssuesANewPairAndTheOldRefreshTokenStopsWorking() {
		Response first = passwordGrant("sn-read@example.com", "role-secret");
		String oldRefresh = first.json().get("refresh_token").asString();

		Response second = refreshGrant(oldRefresh);

		assertThat(second.status()).isEqualTo(200);
		assertThat(second.body()).matches(TOKEN_RESPONSE);
		assertThat(second.header("Cache-Control")).isEqualTo("no-store");
		String newRefresh = second.json().get("refresh_token").asString();
		assertThat(newRefresh).isNotEqualTo(oldRefresh);
		assertThat(second.json().get("access_token").asString())
			.isNotEqualTo(first.json().get("access_token").asString());
		assertThat(get("/api/sys/systemnotifications/1", "Bearer " + second.json().get("access_token").asString())
			.status()).isEqualTo(404);

		Response reused = refreshGrant(oldRefresh);
		assertThat(reused.status()).isEqualTo(400);
		assertThat(reused.body()).isEqualTo(BAD_REFRESH_TOKEN);

		assertThat(refreshGrant(newRefresh).status()).isEqualTo(200);
	}

	@Test
	void unknownMissingOrExpiredRefreshTokensAreRefused() {
		String refresh = passwordGrant(ADMIN, ADMIN_PASSWORD).json().get("refresh_token").asString();
		this.jdbc.update("UPDATE refresh_tokens SET expires_at = ?",
				java.sql.Timestamp.from(Instant.now().minusSeconds(1)));

		for (Response response : List.of(refreshGrant(refresh), refreshGrant("not-a-token"),
				postForm("/api/token", "grant_type=refresh_token"))) {
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.body()).isEqualTo(BAD_REFRESH_TOKEN);
		}
	}

	@Test
	void refreshTokensLastFifteenDaysAndAreStoredOnlyAsHashes() throws Exception {
		String refresh = passwordGrant(ADMIN, ADMIN_PASSWORD).json().get("refresh_token").asString();

		List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT * FROM refresh_tokens");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).values())
			.allSatisfy((value) -> assertThat(String.valueOf(value)).doesNotContain(refresh));
		String sha256 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(refresh.getBytes(StandardCharsets.UTF_8)));
		assertThat(rows.get(0).get("TOKEN_HASH")).isEqualTo(sha256);
		assertThat(rows.get(0).get("SUBJECT")).isEqualTo(ADMIN);
		// read as OffsetDateTime by JDBC 4.2, which H2 and PostgreSQL both support for
		// this column type
		Instant issued = this.jdbc.queryForObject("SELECT issued_at FROM refresh_tokens", OffsetDateTime.class)
			.toInstant();
		Instant expires = this.jdbc.queryForObject("SELECT expires_at FROM refresh_tokens", OffsetDateTime.class)
			.toInstant();
		assertThat(Duration.between(issued, expires)).isEqualTo(Duration.ofDays(15));
		assertThat(issued).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));

		refreshGrant(refresh);
		assertThat(this.jdbc.queryForList("SELECT token_hash FROM refresh_tokens", String.class)).hasSize(1)
			.doesNotContain(sha256);
	}

	private Response passwordGrant(String email, String password) {
		return postForm("/api/token", "grant_type=password&username=" + email + "&password=" + password);
	}

	private Response refreshGrant(String refreshToken) {
		return postForm("/api/token", "grant_type=refresh_token&refresh_token=" + refreshToken);
	}

	@Test
	void protectedResourceMetadataIsPublicAndTruthful() {
		Response response = get("/.well-known/oauth-protected-resource", null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("resource").asString()).isEqualTo("http://localhost:" + this.port);
		assertThat(response.json().get("resource_name").asString()).isEqualTo("Nexudus notifications");
		assertThat(response.json().get("tls_client_certificate_bound_access_tokens").asBoolean()).isFalse();
		assertThat(get("/api/spaces/coworkernotifications/1", null).header("WWW-Authenticate"))
			.contains("resource_metadata=\"http://localhost:" + this.port + "/.well-known/oauth-protected-resource\"");
	}

}
