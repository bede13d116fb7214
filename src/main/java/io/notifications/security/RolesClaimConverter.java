package io.notifications.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.notifications.persistence.AuditedEntity;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Boot's {@code authorities-claim-name} reads top-level claims only; the dotted path here
 * reaches nested ones such as Keycloak's {@code realm_access.roles}.
 */
class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final String[] claimPath;

	RolesClaimConverter(String rolesClaim) {
		this.claimPath = rolesClaim.split("\\.");
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		return new JwtAuthenticationToken(jwt, roles(jwt), caller(jwt));
	}

	/**
	 * The email, else the subject: text that a record's {@code UpdatedBy} can keep (at
	 * most 255 characters, no control character). A token naming no such caller is
	 * refused, as one whose checks fail.
	 */
	private static String caller(Jwt jwt) {
		for (String claim : new String[] { "email", JwtClaimNames.SUB }) {
			if (jwt.getClaims().get(claim) instanceof String name && !name.isBlank()) {
				if (name.length() > AuditedEntity.MAX_CALLER_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
					throw new InvalidBearerTokenException("The token's " + claim + " is not a caller's name");
				}
				return name;
			}
		}
		throw new InvalidBearerTokenException("The token names no caller (email or sub)");
	}

	private Collection<GrantedAuthority> roles(Jwt jwt) {
		Object value = jwt.getClaims();
		for (String segment : this.claimPath) {
			if (!(value instanceof Map<?, ?> map)) {
				return List.of();
			}
			value = map.get(segment);
		}
		if (value instanceof Collection<?> roles) {
			return roles.stream()
				.map(String::valueOf)
				.map(SimpleGrantedAuthority::new)
				.map(GrantedAuthority.class::cast)
				.toList();
		}
		if (value instanceof String role) {
			return List.of(new SimpleGrantedAuthority(role));
		}
		return List.of();
	}

}
