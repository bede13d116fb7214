package io.notifications.security.issuer;

import java.time.Instant;

/**
 * An issued refresh token, kept only as the SHA-256 hash of its value.
 *
 * @param tokenHash the SHA-256 hash of the token's value
 * @param subject the user it was issued to
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working
 * @param credentialFingerprint the fingerprint of the credential it was issued against;
 * {@code null} if issued before they were kept
 * @param accessTokenId the {@code jti} of the access token issued with it
 */
record RefreshToken(String tokenHash, String subject, Instant issuedAt, Instant expiresAt,
		String credentialFingerprint, String accessTokenId) {
}
