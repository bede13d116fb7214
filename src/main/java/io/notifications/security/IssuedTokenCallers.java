package io.notifications.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified token that this server issued itself into its caller as the user store
 * and the revocation list have them now, or refuses it with an
 * {@link org.springframework.security.core.AuthenticationException}. The embedded issuer
 * provides it; an external identity provider's tokens keep their own claims
 * ({@link RolesClaimConverter}).
 */
@FunctionalInterface
public interface IssuedTokenCallers {

	/** The caller the token stands for now. */
	AbstractAuthenticationToken caller(Jwt jwt);

}
