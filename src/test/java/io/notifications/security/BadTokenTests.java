package io.notifications.security;

import io.notifications.security.issuer.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens the embedded issuer must refuse, minted in the test with Nimbus (with the
 * server's own signing key where a case needs a valid signature): each gets 401 in the
 * envelope with an RFC 6750 {@code invalid_token} challenge, and writes nothing.
 */
class BadTokenTests extends ApiTestSupport {

	static final String CN = "/api/spaces/coworkernotifications";

	static final String BODY = """
			{"CoworkerId":5,"Message":"m","NotificationType":"blog","EntityId":1}""";

	static final RSAKey FOREIGN_KEY = generateKey();

	@Autowired
	SigningKeys keys;

	static Stream<Arguments> badTokens() {
		return Stream.of(Arguments.of("garbage", (Function<Minter, String>) (minter) -> "garbage"),
				Arguments.of("three garbage segments", (Function<Minter, String>) (minter) -> "eyJ.eyJ.c2ln"),
				Arguments.of("expired beyond the clock skew",
						minting((claims) -> claims.issueTime(ago(3600)).expirationTime(ago(120)))),
				Arguments.of("no exp", minting((claims) -> claims.expirationTime(null))),
				Arguments.of("not yet valid",
						minting((claims) -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(600))))),
				Arguments.of("wrong issuer", minting((claims) -> claims.issuer("https://evil.example.com"))),
				Arguments.of("no issuer", minting((claims) -> claims.issuer(null))),
				Arguments.of("wrong audience", minting((claims) -> claims.audience("another-api"))),
				Arguments.of("no audience", minting((claims) -> claims.audience((String) null))),
				Arguments.of("signed by a foreign key with our kid",
						(Function<Minter, String>) (minter) -> minter.sign(FOREIGN_KEY, minter.keyId(),
								minter.claims().build())),
				Arguments.of("tampered payload", (Function<Minter, String>) BadTokenTests::tampered),
				Arguments.of("alg none",
						(Function<Minter, String>) (minter) -> new PlainJWT(minter.claims().build()).serialize()),
				Arguments.of("HS256 keyed with our public key (DER)",
						(Function<Minter, String>) (minter) -> minter.hmac(minter.publicKeyDer())),
				Arguments.of("HS256 keyed with our public key (JWK JSON)",
						(Function<Minter, String>) (minter) -> minter
							.hmac(minter.publicJwk().getBytes(StandardCharsets.UTF_8))),
				Arguments.of("RS512 with our key",
						(Function<Minter, String>) (minter) -> minter.sign(JWSAlgorithm.RS512)));
	}

	@Test
	void aTokenMintedByTheTestWithTheServersKeyIsAccepted() {
		Minter minter = new Minter(this.keys);

		Response response = postJson(CN, BODY, "Bearer " + minter.sign(minter.claims().build()));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("UpdatedBy").asString()).isEqualTo("mallory@example.com");
	}

	@Test
	void anExpiryWithinTheSixtySecondClockSkewIsAccepted() {
		Minter minter = new Minter(this.keys);
		String token = minter.sign(minter.claims().issueTime(ago(3600)).expirationTime(ago(30)).build());

		assertThat(get(CN + "/1", "Bearer " + token).status()).isEqualTo(404);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void isRefusedWith401AndAnInvalidTokenChallengeAndWritesNothing(String name, Function<Minter, String> token) {
		Response response = postJson(CN, BODY, "Bearer " + token.apply(new Minter(this.keys)));

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(failure(401, "Authorization has been denied for this request."));
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM coworker_notifications", Integer.class)).isZero();
	}

	@Test
	void theBearerSchemeIsReadInAnyLetterCaseAndAMalformedTokenIsRefused() {
		String token = new Minter(this.keys).sign(new Minter(this.keys).claims().build());

		for (String scheme : List.of("Bearer ", "bearer ", "BEARER ")) {
			assertThat(get(CN + "/1", scheme + token).status()).as(scheme).isEqualTo(404);
		}
		Response malformed = get(CN + "/1", "Bearer " + token + "=x");
		assertThat(malformed.status()).isEqualTo(401);
		assertThat(malformed.body()).isEqualTo(failure(401, "Authorization has been denied for this request."));
		assertThat(malformed.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
	}

	@Test
	void anEmptyBearerTokenIsRefused() {
		for (String authorization : List.of("Bearer ", "Bearer", "Bearer a b")) {
			Response response = postJson(CN, BODY, authorization);

			assertThat(response.status()).as(authorization).isEqualTo(401);
			assertThat(response.body()).isEqualTo(failure(401, "Authorization has been denied for this request."));
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		}
	}

	private static Function<Minter, String> minting(UnaryOperator<JWTClaimsSet.Builder> change) {
		return (minter) -> minter.sign(change.apply(minter.claims()).build());
	}

	/**
	 * A valid token whose payload is swapped for one with other roles, the signature
	 * kept.
	 */
	private static String tampered(Minter minter) {
		String[] parts = minter.sign(minter.claims().claim("roles", List.of("CoworkerNotification-Read")).build())
			.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("CoworkerNotification-Read", "Administrator");
		return parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];
	}

	private static Date ago(long seconds) {
		return Date.from(Instant.now().minusSeconds(seconds));
	}

	private static RSAKey generateKey() {
		try {
			return new RSAKeyGenerator(2048).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
