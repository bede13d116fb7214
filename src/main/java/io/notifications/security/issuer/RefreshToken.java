package io.notifications.security.issuer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An issued refresh token, kept only as the SHA-256 hash of its value.
 */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken {

	@Id
	@Column(name = "token_hash", length = 64)
	private String tokenHash;

	@Column(name = "subject", nullable = false, length = 255)
	private String subject;

	@Column(name = "issued_at", nullable = false)
	private Instant issuedAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "credential_fingerprint", length = 32)
	private String credentialFingerprint;

	@Column(name = "access_token_id", length = 36)
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

	String getSubject() {
		return this.subject;
	}

	Instant getIssuedAt() {
		return this.issuedAt;
	}

	/** The fingerprint of the credential it was issued against; {@code null} if issued before they were kept. */
	String getCredentialFingerprint() {
		return this.credentialFingerprint;
	}

	/** The {@code jti} of the access token issued with it. */
	String getAccessTokenId() {
		return this.accessTokenId;
	}

}
