package io.notifications.security.issuer;

import io.notifications.security.IssuedTokenCallers;
import io.notifications.security.SecurityProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The embedded token issuer, used when no external identity provider is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedIssuer
class EmbeddedIssuerConfig {

	/**
	 * EphemeralProperties.signingKey, which this package, knowing no ephemeral mode,
	 * reads by name.
	 */
	static final String EPHEMERAL_SIGNING_KEY = "notifications.ephemeral.signing-key";

	/** At most this many verified tokens are remembered (a few MB). */
	static final int VERIFIED_TOKENS = 10_000;

	/**
	 * Ephemeral mode writes no file (docs/embedded-testing.md) unless it is given one to
	 * keep its key in, as the test harnesses do so that their next start need not
	 * generate one.
	 */
	@Bean
	SigningKeys signingKeys(SecurityProperties properties, Environment environment) {
		if (!environment.matchesProfiles("ephemeral")) {
			return SigningKeys.load(properties.token().keyLocation());
		}
		String kept = environment.getProperty(EPHEMERAL_SIGNING_KEY);
		return (kept != null && !kept.isBlank())
				? SigningKeys.load(new FileSystemResource(kept.strip()), EPHEMERAL_SIGNING_KEY)
				: SigningKeys.inMemory();
	}

	/** A key still being generated must not be missing once the server takes requests. */
	@Bean
	SmartInitializingSingleton signingKeysReady(SigningKeys keys) {
		return keys::awaitKeys;
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder((selector, context) -> selector.select(keys.jwkSet()));
	}

	/**
	 * RS256 only: "none", HS256 with the public key as secret and other algorithms are
	 * refused.
	 */
	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties properties, List<OAuth2TokenValidator<Jwt>> checks) {
		// its own issuer: notifications.security.required-issuer is an external
		// provider's
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(
				checks.stream().filter((check) -> !(check instanceof JwtIssuerValidator)).toList());
		validators.add(new JwtIssuerValidator(properties.token().issuer()));
		validators.add(new JwtAudienceValidator(properties.token().audience()));
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSource((selector, context) -> selector.select(keys.publicJwkSet()))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(validator);
		return new VerifiedTokens(decoder, validator, VERIFIED_TOKENS);
	}

	@Bean
	TokenService tokenService(JwtEncoder encoder, SigningKeys keys, SecurityProperties properties,
			UserDetailsService users, RefreshTokens refreshTokens, TokenUsers tokenUsers, RevocationList revocations,
			Clock clock) {
		return new TokenService(encoder, () -> keys.signingKey().getKeyID(), properties.token(), users, refreshTokens,
				tokenUsers, revocations, clock);
	}

	@Bean
	TokenUsers tokenUsers(UserDetailsService users, SigningKeys keys) {
		return new TokenUsers(users, new CredentialFingerprints(keys));
	}

	@Bean
	RevocationList revocationList(Revocations revocations, Clock clock) {
		return new RevocationList(revocations, clock);
	}

	@Bean
	IssuedTokenCallers issuedTokenCallers(TokenUsers users, RevocationList revocations) {
		return new CurrentCallers(users, revocations);
	}

	@Bean
	TokenRevocation tokenRevocation(JwtDecoder decoder, RefreshTokens refreshTokens, RevocationList revocations,
			SecurityProperties properties, Clock clock) {
		return new TokenRevocation(decoder, refreshTokens, revocations, properties.token().accessTokenLifetime(),
				clock);
	}

}
