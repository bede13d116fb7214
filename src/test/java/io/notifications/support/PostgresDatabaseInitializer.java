package io.notifications.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an application context at a new database on the {@link PostgresServer}, ahead of
 * every other property source, so Flyway migrates it and the tests run on it.
 */
class PostgresDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("embeddedPostgres",
					Map.of("spring.datasource.url", PostgresServer.newDatabase(), "spring.datasource.username",
							PostgresServer.USER, "spring.datasource.password", "")));
	}

}
