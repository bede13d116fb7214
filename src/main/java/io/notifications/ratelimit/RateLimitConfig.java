package io.notifications.ratelimit;

import io.notifications.web.EnvelopeWriter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Adds the rate limits to the security filter chain, unless {@code notifications.rate-limit.enabled}
 * is false. Spring Security applies every {@code Customizer<HttpSecurity>} bean to the chain; the
 * filter itself is no bean, so that Boot does not also register it as a servlet filter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "notifications.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfig {

	@Bean
	Customizer<HttpSecurity> rateLimits(RateLimitProperties properties, EnvelopeWriter writer) {
		RateLimitFilter filter = new RateLimitFilter(new RateLimiter(properties), writer);
		// after the anonymous filter, every request has an authentication to key it by; before
		// authorization, so refused requests count too
		return (http) -> http.addFilterAfter(filter, AnonymousAuthenticationFilter.class);
	}

}
