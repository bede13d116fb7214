package io.notifications.database;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Boot's {@code db} health indicator (the name makes Boot back off) by one that answers
 * within a second, for the readiness group.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

	/** A readiness probe gets its answer within this; load balancers typically wait 2 s or more. */
	static final Duration HEALTH_BOUND = Duration.ofSeconds(1);

	@Bean(destroyMethod = "shutdownNow")
	ExecutorService databaseHealthChecks() {
		return Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "database-health");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	HealthIndicator dbHealthIndicator(DataSource dataSource, ExecutorService databaseHealthChecks) {
		DataSourceHealthIndicator check = new DataSourceHealthIndicator(dataSource);
		return new BoundedDatabaseHealth(check, HEALTH_BOUND, databaseHealthChecks);
	}

}
