package io.notifications.security.issuer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Conditional;

/** No external identity provider is configured through Boot's properties. */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnEmbeddedIssuer.NoExternalIssuer.class)
@interface ConditionalOnEmbeddedIssuer {

	class NoExternalIssuer extends NoneNestedConditions {

		NoExternalIssuer() {
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
