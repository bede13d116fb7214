package io.notifications.ephemeral;

import java.time.Clock;
import java.util.List;

import io.notifications.idempotency.IdempotencyKeys;
import io.notifications.persistence.UniqueIds;
import io.notifications.resource.RecordWrites;
import io.notifications.resource.ResourceController;
import io.notifications.web.RequestBinder;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Ephemeral mode's beans, present only with the {@code ephemeral} profile: the clock that
 * tests steer, the UniqueIds (seeded when a run must be repeatable), the fixtures, loaded
 * before the server accepts its first request, the reset's turns with the API, and the
 * ready line. The steering's controllers, the journal and the faults carry the same
 * profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile(EphemeralProperties.PROFILE)
class EphemeralConfig {

	/** The server's clock, in place of the system's. */
	@Bean
	SteeredClock clock(EphemeralProperties properties) {
		return new SteeredClock(properties.clock());
	}

	@Bean
	UniqueIds uniqueIds(EphemeralProperties properties) {
		return (properties.seed() != null) ? UniqueIds.seeded(properties.seed()) : UniqueIds.random();
	}

	@Bean
	Fixtures fixtures(List<ResourceController<?, ?, ?>> resources, RequestBinder binder, RecordWrites writes,
			UniqueIds uniqueIds, IdempotencyKeys keys, EphemeralProperties properties, Clock clock) {
		return new Fixtures(resources, new FixtureRecords(binder, writes, uniqueIds), keys,
				properties.fixturesResource(), clock);
	}

	/**
	 * Loads the fixtures once every bean exists and before the web server starts
	 * listening.
	 */
	@Bean
	SmartInitializingSingleton fixturesLoader(Fixtures fixtures) {
		return fixtures::restore;
	}

	/** A request listener, which Boot registers with the server. */
	@Bean
	ResetTurns resetTurns() {
		return new ResetTurns();
	}

	@Bean
	WebMvcConfigurer steeringTakesNoStrayParameters() {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new NoQueryParameters()).addPathPatterns("/ephemeral/**");
			}
		};
	}

	@Bean
	ReadyLine readyLine(Environment environment, EphemeralProperties properties) {
		return new ReadyLine(environment, properties.portFile());
	}

}
