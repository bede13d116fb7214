package io.notifications.ephemeral;

import java.time.Clock;
import java.util.List;

import io.notifications.idempotency.IdempotencyKeys;
import io.notifications.resource.RecordWrites;
import io.notifications.resource.ResourceController;
import io.notifications.web.RequestBinder;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Ephemeral mode's beans, present only with the {@code ephemeral} profile: the fixtures,
 * loaded before the server accepts its first request, and the ready line
 * ({@link ResetController}, a scanned controller, carries the same profile).
 */
@Configuration(proxyBeanMethods = false)
@Profile(EphemeralUsers.PROFILE)
class EphemeralConfig {

	@Bean
	Fixtures fixtures(List<ResourceController<?, ?, ?>> resources, RequestBinder binder, RecordWrites writes,
			IdempotencyKeys keys, EphemeralProperties properties, Clock clock) {
		return new Fixtures(resources, new FixtureRecords(binder, writes), keys, properties.fixturesResource(), clock);
	}

	/**
	 * Loads the fixtures once every bean exists and before the web server starts
	 * listening.
	 */
	@Bean
	SmartInitializingSingleton fixturesLoader(Fixtures fixtures) {
		return fixtures::restore;
	}

	@Bean
	ReadyLine readyLine(Environment environment, EphemeralProperties properties) {
		return new ReadyLine(environment, properties.portFile());
	}

}
