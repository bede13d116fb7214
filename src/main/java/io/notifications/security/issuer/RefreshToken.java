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

	protected RefreshToken() {
	}

	RefreshToken(String tokenHash, String subject, Instant issuedAt, Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.subject = subject;
		this.issuedAt = issuedAt;
		this.expiresAt = expiresAt;
	}

	String getSubject() {
		return this.subject;
	}

}
