package io.notifications.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor authentication over real HTTP: {@code totp@example.com} has a TOTP secret
 * (RFC 6238's SHA-1 test key), so its password grant needs the current code, once, and
 * Basic refuses it. The codes are computed here, at test time, by a separate
 * implementation of RFC 6238.
 */
class TwoFactorTests extends ApiTestSupport {

	static final String USER = "totp@example.com";

	static final String PASSWORD = "totp-password";

	static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	static final String MISSING = grantError(
			"This user has two-factor authentication: send the code of the authenticator app as totp.");

	static final String WRONG = grantError("The two-factor authentication code (totp) is incorrect.");

	static final String REPLAYED = grantError(
			"The two-factor authentication code (totp) has already been used; wait for the next one.");

	/** The current step of the server's clock, which stands still in it. */
	private long step;

	@BeforeEach
	void forgetUsedCodesAndStopTheClockEarlyInAStep() {
		this.jdbc.update("DELETE FROM totp_used_steps");
		this.clock.fix(Instant.parse("2025-01-15T10:30:02Z"));
		this.step = this.clock.instant().getEpochSecond() / 30;
	}

	@Test
	void thePasswordAndTheCurrentCodeGetTokensThatWork() {
		Response response = grant(USER, PASSWORD, code(this.step));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).matches(TokenEndpointTests.TOKEN_RESPONSE);
		String token = "Bearer " + response.json().get("access_token").asString();
		assertThat(get("/api/spaces/coworkernotifications/1", token).status()).isEqualTo(404);
		assertThat(
				this.jdbc.queryForObject("SELECT last_step FROM totp_used_steps WHERE username = ?", Long.class, USER))
			.isEqualTo(this.step);
		// a refresh token was earned with both factors: it needs no code
		Response refreshed = postForm("/api/token",
				"grant_type=refresh_token&refresh_token=" + response.json().get("refresh_token").asString());
		assertThat(refreshed.status()).isEqualTo(200);
	}

	@Test
	void aMissingWrongOrReplayedCodeIsAnInvalidGrantThatSaysWhich() {
		Response missing = grant(USER, PASSWORD, null);
		Response empty = grant(USER, PASSWORD, "");
		Response wrong = grant(USER, PASSWORD, wrongCode());
		Response tooOld = grant(USER, PASSWORD, code(this.step - 2));
		Response first = grant(USER, PASSWORD, code(this.step));
		Response replayed = grant(USER, PASSWORD, code(this.step));

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).isEqualTo(MISSING);
		assertThat(missing.header("Cache-Control")).isEqualTo("no-store");
		assertThat(empty.body()).isEqualTo(MISSING);
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).isEqualTo(WRONG);
		assertThat(tooOld.body()).isEqualTo(WRONG);
		assertThat(first.status()).isEqualTo(200);
		assertThat(replayed.status()).isEqualTo(400);
		assertThat(replayed.body()).isEqualTo(REPLAYED);
	}

	@Test
	void oneStepOfSkewIsAcceptedButNeverACodeOlderThanTheLastUsed() {
		Response previous = grant(USER, PASSWORD, code(this.step - 1));
		Response next = grant(USER, PASSWORD, code(this.step + 1));
		Response current = grant(USER, PASSWORD, code(this.step));

		assertThat(previous.status()).as(previous.body()).isEqualTo(200);
		assertThat(next.status()).as(next.body()).isEqualTo(200);
		// a later code was used: this one, though in the window, could be one seen over a
		// shoulder
		assertThat(current.body()).isEqualTo(REPLAYED);
	}

	@Test
	void aWrongPasswordSaysNothingOfTheSecondFactor() {
		for (String code : new String[] { null, wrongCode(), code(this.step) }) {
			Response response = grant(USER, "wrong", code);

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.body()).isEqualTo(TokenEndpointTests.BAD_CREDENTIALS);
		}
		// the right code was not spent by the failed attempt
		assertThat(grant(USER, PASSWORD, code(this.step)).status()).isEqualTo(200);
	}

	@Test
	void basicIsRefusedForAUserWithTwoFactorAuthenticationHoweverTheNameIsWritten() {
		for (String name : new String[] { USER, "TOTP@Example.com" }) {
			Response response = get("/api/spaces/coworkernotifications/1", basic(name, PASSWORD));

			assertThat(response.status()).isEqualTo(401);
			assertThat(response.body()).isEqualTo(failure(401, "Authorization has been denied for this request."));
			assertThat(response.headers().allValues("WWW-Authenticate")).hasSize(2);
		}
		// the same name in another case is the same user at the token endpoint, second
		// factor and all
		assertThat(grant("TOTP@Example.com", PASSWORD, null).body()).isEqualTo(MISSING);
		assertThat(grant("TOTP@Example.com", PASSWORD, code(this.step)).status()).isEqualTo(200);
	}

	@Test
	void aUserWithoutTwoFactorAuthenticationNeedsNoCodeAndIgnoresOne() {
		assertThat(grant(ADMIN, ADMIN_PASSWORD, null).status()).isEqualTo(200);
		assertThat(grant(ADMIN, ADMIN_PASSWORD, "000000").status()).isEqualTo(200);
		assertThat(get("/api/spaces/coworkernotifications/1", basic(ADMIN, ADMIN_PASSWORD)).status()).isEqualTo(404);
	}

	private Response grant(String username, String password, String totp) {
		return postForm("/api/token", "grant_type=password&username=" + username + "&password=" + password
				+ ((totp != null) ? "&totp=" + totp : ""));
	}

	/** A six-digit code that is none of the window's. */
	private String wrongCode() {
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!code.equals(code(this.step - 1)) && !code.equals(code(this.step))
					&& !code.equals(code(this.step + 1))) {
				return code;
			}
		}
	}

	/**
	 * RFC 6238 with HMAC-SHA1 and six digits, written out: the dynamic truncation of RFC
	 * 4226.
	 */
	static String code(long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(SECRET, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String grantError(String description) {
		return """
				{"error":"invalid_grant","error_description":"%s"}""".formatted(description);
	}

}
