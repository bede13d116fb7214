package io.notifications.ratelimit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.zaxxer.hikari.HikariDataSource;
import io.notifications.support.EndToEnd;
import io.notifications.support.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller's first requests, all at once, on buckets shared through PostgreSQL:
 * Bucket4j's batching answered those batched with the one that created the bucket "not
 * found", and the limiter took the store for gone (a WARN, and limits in memory for 10
 * s). Then each fell back to storing the bucket at once, and waited on the new row's lock
 * holding a pooled connection.
 */
@EndToEnd
@ExtendWith(OutputCaptureExtension.class)
class SharedBucketsFirstUseTests {

	@Test
	void aCallersConcurrentFirstRequestsAllUseTheSharedBuckets(CapturedOutput output) throws Exception {
		String url = PostgresServer.newDatabase();
		try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE rate_limit_buckets (id VARCHAR(512) PRIMARY KEY, state BYTEA,"
					+ " expires_at BIGINT)");
		}
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(url);
			dataSource.setUsername(PostgresServer.USER);
			RateLimiter limiter = new RateLimiter(new RateLimitProperties(true, 60, 120, 5000, 5000, 200000),
					new RateLimitConfig().sharedRateLimitBuckets(dataSource), System::nanoTime, Clock.systemUTC());
			Queue<Optional<?>> answers = new ConcurrentLinkedQueue<>();
			RowLockWaits waits = RowLockWaits.watch(url);
			for (int caller = 0; caller < 20; caller++) {
				String name = "caller-" + caller;
				AtOnce.run(8, (request) -> answers.add(limiter.tryAcquire(name, request % 2 == 0)));
			}

			assertThat(waits.most()).isZero();
			assertThat(output.getAll()).doesNotContain("The shared rate-limit buckets are unavailable");
			assertThat(answers).hasSize(160).allMatch(Optional::isEmpty);
			try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, "");
					Statement statement = connection.createStatement();
					var count = statement.executeQuery("SELECT count(*) FROM rate_limit_buckets")) {
				count.next();
				assertThat(count.getInt(1)).isEqualTo(40);
			}
		}
	}

}
