package io.notifications.database;

import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Builds Hibernate's entity manager factory on a thread of its own while the rest of the
 * context starts: it is the largest single step of the start-up (docs/performance.md).
 * Whatever uses the factory waits for it, and a failure to build it still stops the
 * start-up, at the first use ({@code ResourceRoutes} reads the mapping before the server
 * takes requests).
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
