package io.notifications.security;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

/**
 * Checks of an external identity provider's tokens beyond the ones Boot's own decoder makes (it
 * adds every {@code OAuth2TokenValidator<Jwt>} bean to them, as it does {@code expiryRequired}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalIssuerConfig.ExternalIssuer.class)
class ExternalIssuerConfig {

	/** Requires {@code notifications.security.required-issuer} as the tokens' {@code iss}. */
	@Bean
	@ConditionalOnProperty("notifications.security.required-issuer")
	OAuth2TokenValidator<Jwt> requiredIssuer(SecurityProperties properties) {
		return new JwtIssuerValidator(properties.requiredIssuer());
	}

	/** One of Boot's resource server key sources is set: the opposite of {@link ConditionalOnEmbeddedIssuer}. */
	static class ExternalIssuer extends AnyNestedCondition {

		ExternalIssuer() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
		static class IssuerUri {

		}

		@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
		static class JwkSetUri {

		}

		@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.public-key-location")
		static class PublicKeyLocation {

		}

	}

}
