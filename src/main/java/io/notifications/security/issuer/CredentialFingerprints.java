package io.notifications.security.issuer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.util.function.SingletonSupplier;

/**
 * A token carries a fingerprint of its user's stored credential, so that a password
 * change ends the sessions the old password opened. Keyed, since a token's payload is
 * readable and a plain digest of {@code {noop}secret} could be guessed offline; the key
 * derives from the signing key, so instances that share it agree with no other secret.
 */
public final class CredentialFingerprints {

	public static final String CLAIM = "cfp";

	/** Stands for the id of a key that has none. */
	static final String NO_KEY_ID = "";

	private static final byte[] LABEL = "notifications credential fingerprint".getBytes(StandardCharsets.US_ASCII);

	/**
	 * Made at first use: a new signing key is still being generated while the server
	 * starts.
	 */
	private final SingletonSupplier<Map<String, SecretKeySpec>> keys;

	/**
	 * Every request with a token asks for its user's: an HMAC per signing key each time
	 * was about 2 % of a GET's CPU.
	 */
	private final LoadingCache<String, Map<String, String>> byPassword = Caffeine.newBuilder()
		.maximumSize(10_000)
		.build(this::compute);

	CredentialFingerprints(SigningKeys signingKeys) {
		this.keys = SingletonSupplier.of(() -> hmacKeys(signingKeys));
	}

	private static Map<String, SecretKeySpec> hmacKeys(SigningKeys signingKeys) {
		Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
		for (RSAKey key : signingKeys.keys()) {
			if (key.isPrivate()) {
				keys.putIfAbsent((key.getKeyID() != null) ? key.getKeyID() : NO_KEY_ID, hmacKey(key));
			}
		}
		return keys;
	}

	Map<String, String> of(String encodedPassword) {
		return this.byPassword.get(encodedPassword);
	}

	private Map<String, String> compute(String encodedPassword) {
		Map<String, String> fingerprints = new LinkedHashMap<>();
		this.keys.obtain().forEach((keyId, key) -> fingerprints.put(keyId, fingerprint(key, encodedPassword)));
		return Map.copyOf(fingerprints);
	}

	/** Public for the tests, which mint tokens of their own. */
	public static String of(RSAKey signingKey, String encodedPassword) {
		return fingerprint(hmacKey(signingKey), encodedPassword);
	}

	private static String fingerprint(SecretKeySpec key, String encodedPassword) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] digest = mac.doFinal(encodedPassword.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private static SecretKeySpec hmacKey(RSAKey key) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(LABEL);
			sha256.update((byte) 0);
			sha256.update(key.getPrivateExponent().decode());
			return new SecretKeySpec(sha256.digest(), "HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
