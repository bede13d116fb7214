package io.notifications.security.issuer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.transaction.annotation.Transactional;

class TokenRevocation {

	/** A decoder accepts a token up to a minute (its clock skew) after its expiry. */
	static final Duration KEPT_AFTER_EXPIRY = Duration.ofMinutes(2);

	private final JwtDecoder decoder;

	private final RefreshTokens refreshTokens;

	private final RevocationList revocations;

	private final Duration accessTokenLifetime;

	private final Clock clock;

	TokenRevocation(JwtDecoder decoder, RefreshTokens refreshTokens, RevocationList revocations,
			Duration accessTokenLifetime, Clock clock) {
		this.decoder = decoder;
		this.refreshTokens = refreshTokens;
		this.revocations = revocations;
		this.accessTokenLifetime = accessTokenLifetime;
		this.clock = clock;
	}

	/**
	 * Revoking a refresh token revokes the access token issued with it. A token that is
	 * not one of this server's is left alone: nothing to revoke, and the caller learns
	 * nothing.
	 */
	@Transactional
	void revoke(String token) {
		// a JWT has dots; a refresh token is base64url without any
		if (token.indexOf('.') >= 0) {
			revokeAccessToken(token);
			return;
		}
		String hash = TokenService.hash(token);
		Optional<RefreshToken> refreshToken = this.refreshTokens.findById(hash);
		if (refreshToken.isPresent() && this.refreshTokens.consume(hash) == 1
				&& refreshToken.get().accessTokenId() != null) {
			this.revocations.revokeToken(refreshToken.get().accessTokenId(),
					refreshToken.get().issuedAt().plus(this.accessTokenLifetime).plus(KEPT_AFTER_EXPIRY));
		}
	}

	private void revokeAccessToken(String token) {
		Jwt jwt;
		try {
			jwt = this.decoder.decode(token);
		}
		catch (JwtException ex) {
			return;
		}
		if (jwt.getId() != null && jwt.getExpiresAt() != null) {
			this.revocations.revokeToken(jwt.getId(), jwt.getExpiresAt().plus(KEPT_AFTER_EXPIRY));
		}
	}

	/**
	 * Tokens carry their issue time in whole seconds, so the cutoff is the next full
	 * second.
	 */
	@Transactional
	Instant endSessions(String user) {
		Instant cutoff = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		this.revocations.revokeUser(user, cutoff, cutoff.plus(this.accessTokenLifetime).plus(KEPT_AFTER_EXPIRY));
		this.refreshTokens.deleteBySubject(user);
		return cutoff;
	}

}
