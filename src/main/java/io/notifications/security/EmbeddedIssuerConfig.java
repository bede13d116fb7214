package io.notifications.security;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
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

	@Bean
	SigningKeys signingKeys(SecurityProperties properties) {
		return SigningKeys.load(properties.token().keyLocation());
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(keys.jwkSet()));
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties properties) {
		// RS256 only: "none", HS256 with the public key as secret, and other algorithms are refused
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSource(new ImmutableJWKSet<SecurityContext>(keys.publicJwkSet()))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(SecurityConfig.requireExpiry(),
				new JwtIssuerValidator(properties.token().issuer()),
				new JwtAudienceValidator(properties.token().audience()))));
		return decoder;
	}

	@Bean
	TokenService tokenService(JwtEncoder encoder, SigningKeys keys, SecurityProperties properties,
			UserDetailsService users, RefreshTokens refreshTokens, Clock clock) {
		return new TokenService(encoder, keys.signingKey().getKeyID(), properties.token(), users, refreshTokens,
				clock);
	}

}
