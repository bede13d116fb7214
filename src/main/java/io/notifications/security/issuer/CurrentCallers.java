package io.notifications.security.issuer;

import io.notifications.security.IssuedTokenCallers;
import io.notifications.security.issuer.TokenUsers.TokenUser;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Checked on every request after the signature. The roles are the user's now, not the
 * token's; every check is a map lookup, none asks the database.
 */
final class CurrentCallers implements IssuedTokenCallers {

	private final TokenUsers users;

	private final RevocationList revocations;

	CurrentCallers(TokenUsers users, RevocationList revocations) {
		this.users = users;
		this.revocations = revocations;
	}

	@Override
	public AbstractAuthenticationToken caller(Jwt jwt) {
		if (this.revocations.isRevoked(jwt)) {
			throw new InvalidBearerTokenException("The token has been revoked");
		}
		TokenUser user = this.users.current(jwt.getSubject());
		if (!user.exists()) {
			throw new InvalidBearerTokenException("The token's user no longer exists");
		}
		if (!user.issuedAgainstCurrentCredential(jwt.getHeaders().get("kid"),
				jwt.getClaimAsString(CredentialFingerprints.CLAIM))) {
			throw new InvalidBearerTokenException("The token was issued before the user's password changed");
		}
		return new JwtAuthenticationToken(jwt, user.roles(), user.name());
	}

}
