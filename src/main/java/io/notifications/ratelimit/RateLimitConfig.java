package io.notifications.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * On PostgreSQL the buckets live in its {@code rate_limit_buckets} table, shared by every
 * instance; otherwise (the embedded H2 file serves one instance) in memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "notifications.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfig {

	/** Flyway gives PostgreSQL the table. */
	static final String ON_POSTGRESQL = "'${spring.datasource.url:}'.startsWith('jdbc:postgresql:')";

	private static final Log logger = LogFactory.getLog(RateLimitConfig.class);

	@Bean
	RateLimiter rateLimiter(RateLimitProperties properties,
			ObjectProvider<PostgreSQLSelectForUpdateBasedProxyManager<String>> shared, Clock clock) {
		return new RateLimiter(properties, shared.getIfAvailable(), System::nanoTime, clock);
	}

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
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	@Bean
	@ConditionalOnExpression(ON_POSTGRESQL)
	SharedBucketsCleaner sharedBucketsCleaner(
			PostgreSQLSelectForUpdateBasedProxyManager<String> sharedRateLimitBuckets) {
		return new SharedBucketsCleaner(sharedRateLimitBuckets);
	}

	static final class SharedBucketsCleaner {

		private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;

		SharedBucketsCleaner(PostgreSQLSelectForUpdateBasedProxyManager<String> shared) {
			this.shared = shared;
		}

		@Scheduled(fixedDelay = 5, initialDelay = 5, timeUnit = TimeUnit.MINUTES)
		void removeExpired() {
			try {
				while (this.shared.removeExpired(1000) == 1000) {
					// more to remove
				}
			}
			catch (RuntimeException ex) {
				logger.debug("Could not remove expired rate-limit buckets", ex);
			}
		}

	}

}
