package io.notifications.security.issuer;

import io.notifications.security.SecurityProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
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

/**
 * The embedded token issuer, used when no external identity provider is configured: it signs
 * tokens with its own RSA key and accepts only tokens it signed, for its issuer and audience.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedIssuer
class EmbeddedIssuerConfig {

	/** At most this many verified tokens are remembered (a few MB). */
	static final int VERIFIED_TOKENS = 10_000;

	/** The configured key; in ephemeral mode (docs/embedded-testing.md), which writes no file, one in memory. */
	@Bean
	SigningKeys signingKeys(SecurityProperties properties, Environment environment) {
		return environment.matchesProfiles("ephemeral") ? SigningKeys.inMemory()
				: SigningKeys.load(properties.token().keyLocation());
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(keys.jwkSet()));
	}

	/**
	 * Accepts only tokens this server signed (RS256 only: "none", HS256 with the public key as secret
	 * and other algorithms are refused) for its issuer and audience, checked with every validator
	 * bean as well (the required expiry among them).
	 */
	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties properties, List<OAuth2TokenValidator<Jwt>> checks) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(checks);
		validators.add(new JwtIssuerValidator(properties.token().issuer()));
		validators.add(new JwtAudienceValidator(properties.token().audience()));
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSource(new ImmutableJWKSet<SecurityContext>(keys.publicJwkSet()))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(validator);
		return new VerifiedTokens(decoder, validator, VERIFIED_TOKENS);
	}

	@Bean
	TokenService tokenService(JwtEncoder encoder, SigningKeys keys, SecurityProperties properties,
			UserDetailsService users, RefreshTokens refreshTokens, Clock clock) {
		return new TokenService(encoder, keys.signingKey().getKeyID(), properties.token(), users, refreshTokens,
				clock);
	}

}
