package io.notifications.database;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

	/** Load balancers typically wait 2 s or more. */
	static final Duration HEALTH_BOUND = Duration.ofSeconds(1);

	/** As a connection attempt ({@code spring.datasource.hikari.connection-timeout}). */
	static final String POSTGRESQL_WAITS = "-c lock_timeout=3s -c idle_in_transaction_session_timeout=10s";

	/** Seconds: a statement's answer waits no longer, more than a lock wait above. */
	static final String POSTGRESQL_SOCKET_TIMEOUT = "5";

	/**
	 * The pool as each database needs it. On the H2 file, one session at a time
	 * ({@link OneSessionAtATime}). On PostgreSQL no statement waits for a lock longer
	 * than 3 s, and a session left idle in a transaction (its instance frozen or cut off
	 * mid-write) is ended after 10 s, which frees its locks: one stuck instance's row
	 * lock held the requests of every other instance until TCP gave up. A database that
	 * stops answering mid-statement (frozen, cut off) fails the statement after 5 s: the
	 * request waited for as long. Options the operator sets come after, and win; so does
	 * a {@code socketTimeout} of theirs.
	 */
	@Bean
	static BeanPostProcessor poolForItsDatabase() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof HikariDataSource hikari) || hikari.getJdbcUrl() == null) {
					return bean;
				}
				if (hikari.getJdbcUrl().startsWith("jdbc:h2:file:")) {
					return new OneSessionAtATime(hikari, Duration.ofMillis(hikari.getConnectionTimeout()));
				}
				if (hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
					String theirs = hikari.getDataSourceProperties().getProperty("options");
					hikari.addDataSourceProperty("options",
							(theirs != null) ? POSTGRESQL_WAITS + " " + theirs : POSTGRESQL_WAITS);
					hikari.getDataSourceProperties().putIfAbsent("socketTimeout", POSTGRESQL_SOCKET_TIMEOUT);
				}
				return bean;
			}

		};
	}

	@Bean
	GroupCommit groupCommit(DataSource dataSource, PlatformTransactionManager transactions) throws SQLException {
		return new GroupCommit(new TransactionTemplate(transactions), dataSource.isWrapperFor(OneSessionAtATime.class));
	}

	@Bean(destroyMethod = "shutdownNow")
	ExecutorService databaseHealthChecks() {
		return Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "database-health");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * By this name it replaces Boot's {@code db} indicator. A query, not
	 * {@code isValid()}: an H2 session of a closed database is valid.
	 */
	@Bean
	BoundedDatabaseHealth dbHealthIndicator(DataSource dataSource, ExecutorService databaseHealthChecks) {
		DataSourceHealthIndicator check = new DataSourceHealthIndicator(dataSource, "SELECT 1");
		return new BoundedDatabaseHealth(check, HEALTH_BOUND, databaseHealthChecks);
	}

}
