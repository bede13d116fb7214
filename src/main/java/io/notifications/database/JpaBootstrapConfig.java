package io.notifications.database;

import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Hibernate's factory, the largest step of the start-up, is built in the background
 * (docs/performance.md); a failure still stops the start-up, at its first use before the
 * server takes requests.
 */
@Configuration(proxyBeanMethods = false)
class JpaBootstrapConfig {

	@Bean
	EntityManagerFactoryBuilderCustomizer backgroundJpaBootstrap() {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("jpa-bootstrap-");
		executor.setDaemon(true);
		return (builder) -> builder.setBootstrapExecutor(executor);
	}

}
