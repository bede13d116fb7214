package io.notifications.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller of a token this server issued, as the user store and the revocation list
 * have it now; an external identity provider's tokens keep their own claims.
 */
@FunctionalInterface
public interface IssuedTokenCallers {

	AbstractAuthenticationToken caller(Jwt jwt);

}
