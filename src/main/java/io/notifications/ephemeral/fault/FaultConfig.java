package io.notifications.ephemeral.fault;

import java.util.Random;

import io.notifications.ephemeral.EphemeralProperties;
import io.notifications.web.EnvelopeWriter;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The fault rules and what applies them, in ephemeral mode only: a server in any other
 * mode has neither the interceptor nor the valve.
 */
@Configuration(proxyBeanMethods = false)
@Profile(EphemeralProperties.PROFILE)
class FaultConfig implements WebMvcConfigurer {

	private final FaultRules rules;

	private final EnvelopeWriter writer;

	FaultConfig(EphemeralProperties properties, EnvelopeWriter writer) {
		this.rules = new FaultRules((properties.seed() != null) ? new Random(properties.seed()) : new Random());
		this.writer = writer;
	}

	@Bean
	FaultRules faultRules() {
		return this.rules;
	}

	/** Every path but the steering's own. */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new FaultInterceptor(this.rules, this.writer)).excludePathPatterns("/ephemeral/**");
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> dropValve() {
		return (factory) -> factory.addEngineValves(new DropValve());
	}

}
