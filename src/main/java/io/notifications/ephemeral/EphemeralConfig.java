package io.notifications.ephemeral;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import io.notifications.idempotency.IdempotencyKeys;
import io.notifications.persistence.UniqueIds;
import io.notifications.resource.RecordWrites;
import io.notifications.resource.ResourceController;
import io.notifications.web.Envelope;
import io.notifications.web.EnvelopeWriter;
import io.notifications.web.RequestBinder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
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

	static final String RESTORING = "The server is restoring its fixtures. Try again shortly.";

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
	ResetTurns resetTurns(@Value("${server.tomcat.threads.max:200}") int serverThreads) {
		return new ResetTurns(serverThreads);
	}

	/**
	 * Answers a request that {@link ResetTurns} refused, after the connection's filter
	 * and before the journal's, on both dispatches that the connection's filter makes.
	 */
	@Bean
	FilterRegistrationBean<Filter> refusedDuringAReset(EnvelopeWriter writer) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
			if (!ResetTurns.isRefused(request)) {
				chain.doFilter(request, response);
				return;
			}
			HttpServletResponse refused = (HttpServletResponse) response;
			refused.setHeader(HttpHeaders.RETRY_AFTER, "1");
			writer.write(refused, Envelope.failure(503, RESTORING));
		});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
		registration.setAsyncSupported(true);
		return registration;
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
