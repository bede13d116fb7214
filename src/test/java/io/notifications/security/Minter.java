package io.notifications.security;

import io.notifications.security.issuer.CredentialFingerprints;
import io.notifications.security.issuer.SigningKeys;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints tokens like the embedded issuer's, signed with its key or another. A token for a
 * subject carries the fingerprint of the subject's credential as the test profile
 * configures it: {@code admin@example.com} has {@code admin-secret}, every other minted
 * subject {@code role-secret}.
 */
record Minter(SigningKeys keys) {

	static final String ADMIN = "admin@example.com";

	String keyId() {
		return this.keys.signingKey().getKeyID();
	}

	JWTClaimsSet.Builder claims() {
		return claimsFor("mallory@example.com");
	}

	/** The claims the embedded issuer gives an Administrator, valid for an hour. */
	static JWTClaimsSet.Builder claimsFor(String email) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer("notifications")
			.audience("nexudus-api")
			.subject(email)
			.claim("email", email)
			.claim("roles", List.of("Administrator"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.jwtID(UUID.randomUUID().toString());
	}

	String sign(JWTClaimsSet claims) {
		return sign(this.keys.signingKey(), keyId(), claims);
	}

	String sign(JWSAlgorithm algorithm) {
		return sign(new JWSHeader.Builder(algorithm).keyID(keyId()).build(),
				fingerprinted(this.keys.signingKey(), claims().build()), rsaSigner(this.keys.signingKey()));
	}

	/** Signs with RS256 and the given key, naming the key by its own id. */
	static String signRs256(RSAKey key, JWTClaimsSet claims) {
		return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), fingerprinted(key, claims),
				rsaSigner(key));
	}

	String sign(RSAKey key, String keyId, JWTClaimsSet claims) {
		return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), fingerprinted(key, claims),
				rsaSigner(key));
	}

	/**
	 * The claims with the fingerprint of the subject's credential that the given key
	 * makes, unless they have one.
	 */
	static JWTClaimsSet fingerprinted(RSAKey key, JWTClaimsSet claims) {
		if (claims.getSubject() == null || claims.getClaim(CredentialFingerprints.CLAIM) != null) {
			return claims;
		}
		String password = ADMIN.equals(claims.getSubject()) ? "{noop}admin-secret" : "{noop}role-secret";
		return new JWTClaimsSet.Builder(claims)
			.claim(CredentialFingerprints.CLAIM, CredentialFingerprints.of(key, password))
			.build();
	}

	String hmac(byte[] secret) {
		try {
			return sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId()).build(), claims().build(),
					new MACSigner(secret));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	byte[] publicKeyDer() {
		try {
			return this.keys.signingKey().toRSAPublicKey().getEncoded();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String publicJwk() {
		return this.keys.signingKey().toPublicJWK().toJSONString();
	}

	private static JWSSigner rsaSigner(RSAKey key) {
		try {
			return new RSASSASigner(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(signer);
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
