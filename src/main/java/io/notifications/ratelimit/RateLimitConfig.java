package io.notifications.ratelimit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.notifications.web.EnvelopeWriter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Adds the rate limits to the security filter chain, unless {@code notifications.rate-limit.enabled}
 * is false. Spring Security applies every {@code Customizer<HttpSecurity>} bean to the chain; the
 * filter itself is no bean, so that Boot does not also register it as a servlet filter. On
 * PostgreSQL the buckets live in its {@code rate_limit_buckets} table, shared by every instance on
 * it; otherwise (the embedded H2 file serves one instance) in memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "notifications.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfig {

	/** How often buckets that have refilled completely are removed from the shared table. */
	static final Duration CLEAN_UP_INTERVAL = Duration.ofMinutes(5);

	/** Whether the configured database is PostgreSQL (Flyway gives it the table). */
	static final String ON_POSTGRESQL = "'${spring.datasource.url:}'.startsWith('jdbc:postgresql:')";

	private static final Log logger = LogFactory.getLog(RateLimitConfig.class);

	@Bean
	RateLimiter rateLimiter(RateLimitProperties properties,
			ObjectProvider<PostgreSQLSelectForUpdateBasedProxyManager<String>> shared) {
		return new RateLimiter(properties, shared.getIfAvailable(), System::nanoTime);
	}

	/** The shared buckets, on PostgreSQL. */
	@Bean
	@ConditionalOnExpression(ON_POSTGRESQL)
	PostgreSQLSelectForUpdateBasedProxyManager<String> sharedRateLimitBuckets(DataSource dataSource) {
		return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_buckets")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			// a row stays until its bucket is full again, and a minute more
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	@Bean
	@ConditionalOnExpression(ON_POSTGRESQL)
	SharedBucketsCleaner sharedBucketsCleaner(PostgreSQLSelectForUpdateBasedProxyManager<String> sharedRateLimitBuckets) {
		return new SharedBucketsCleaner(sharedRateLimitBuckets);
	}

	@Bean
	Customizer<HttpSecurity> rateLimits(RateLimiter limiter, EnvelopeWriter writer) {
		RateLimitFilter filter = new RateLimitFilter(limiter, writer);
		// after the anonymous filter, every request has an authentication to key it by; before
		// authorization, so refused requests count too
		return (http) -> http.addFilterAfter(filter, AnonymousAuthenticationFilter.class);
	}

	/** Removes expired rows from the shared table now and then, on a daemon thread of its own. */
	static final class SharedBucketsCleaner implements AutoCloseable {

		private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "rate-limit-cleaner");
			thread.setDaemon(true);
			return thread;
		});

		SharedBucketsCleaner(PostgreSQLSelectForUpdateBasedProxyManager<String> shared) {
			long millis = CLEAN_UP_INTERVAL.toMillis();
			this.scheduler.scheduleWithFixedDelay(() -> {
				try {
					while (shared.removeExpired(1000) == 1000) {
						// more to remove
					}
				}
				catch (RuntimeException ex) {
					logger.debug("Could not remove expired rate-limit buckets", ex);
				}
			}, millis, millis, TimeUnit.MILLISECONDS);
		}

		@Override
		public void close() {
			this.scheduler.shutdownNow();
		}

	}

}
