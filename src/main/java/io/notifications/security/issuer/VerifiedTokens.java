package io.notifications.security.issuer;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.StringUtils;

/**
 * Only the RSA check is remembered: the claims are validated on every use, so a token the
 * full decoder would refuse now is refused here too. The embedded issuer's keys never
 * change while the server runs.
 */
final class VerifiedTokens implements JwtDecoder {

	private final JwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, int capacity) {
		this.decoder = decoder;
		this.validator = validator;
		this.verified = Caffeine.newBuilder().maximumSize(capacity).expireAfterAccess(Duration.ofHours(1)).build();
	}

	@Override
	public Jwt decode(String token) {
		Jwt jwt = this.verified.getIfPresent(token);
		if (jwt == null) {
			jwt = this.decoder.decode(token);
			this.verified.put(token, jwt);
			return jwt;
		}
		OAuth2TokenValidatorResult result = this.validator.validate(jwt);
		if (result.hasErrors()) {
			this.verified.invalidate(token);
			throw new JwtValidationException(message(result), result.getErrors());
		}
		return jwt;
	}

	/** The message Spring Security's own decoder gives. */
	private static String message(OAuth2TokenValidatorResult result) {
		for (OAuth2Error error : result.getErrors()) {
			if (StringUtils.hasLength(error.getDescription())) {
				return "An error occurred while attempting to decode the Jwt: " + error.getDescription();
			}
		}
		return "Unable to validate Jwt";
	}

}
