package io.notifications.security.issuer;

import java.time.Instant;

import io.notifications.persistence.NewUntilStored;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An issued refresh token, kept only as the SHA-256 hash of its value.
 */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken extends NewUntilStored<String> {

	@Id
	private String tokenHash;

	private String subject;

	private Instant issuedAt;

	private Instant expiresAt;

	/** Null if issued before fingerprints were kept. */
	private String credentialFingerprint;

	/** The {@code jti} of the access token issued with it. */
	private String accessTokenId;

	protected RefreshToken() {
	}

	RefreshToken(String tokenHash, String subject, Instant issuedAt, Instant expiresAt, String credentialFingerprint,
			String accessTokenId) {
		this.tokenHash = tokenHash;
		this.subject = subject;
		this.issuedAt = issuedAt;
		this.expiresAt = expiresAt;
		this.credentialFingerprint = credentialFingerprint;
		this.accessTokenId = accessTokenId;
	}

	@Override
	public String getId() {
		return this.tokenHash;
	}

	String subject() {
		return this.subject;
	}

	Instant issuedAt() {
		return this.issuedAt;
	}

	String credentialFingerprint() {
		return this.credentialFingerprint;
	}

	String accessTokenId() {
		return this.accessTokenId;
	}

}
