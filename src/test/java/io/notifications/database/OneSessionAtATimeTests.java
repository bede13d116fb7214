package io.notifications.database;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded database is given to one thread at a time; the thread that holds it may
 * take more connections, and closing the last one hands it on.
 */
class OneSessionAtATimeTests {

	final OneSessionAtATime dataSource = new OneSessionAtATime(h2(), Duration.ofMillis(300));

	@Test
	void aSecondThreadWaitsUntilTheFirstHasClosedItsConnections() throws Exception {
		Connection first = this.dataSource.getConnection();
		Connection nested = this.dataSource.getConnection();

		CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> {
			try (Connection connection = this.dataSource.getConnection()) {
				return connection.isValid(1);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		first.close();
		assertThat(other).isNotDone();
		nested.close();

		assertThat(other.get(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aThreadThatWaitsTooLongGetsAConnectionFailure() throws Exception {
		try (Connection held = this.dataSource.getConnection()) {
			CompletableFuture<Object> other = CompletableFuture.supplyAsync(() -> {
				try (Connection connection = this.dataSource.getConnection()) {
					return connection;
				}
				catch (Exception ex) {
					return ex;
				}
			});
			assertThat(other.get(5, TimeUnit.SECONDS)).isInstanceOf(SQLTransientConnectionException.class);
		}
		// closing twice hands the turn on once only
		Connection again = this.dataSource.getConnection();
		again.close();
		again.close();
		try (Connection next = CompletableFuture.supplyAsync(() -> {
			try {
				return this.dataSource.getConnection();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).get(5, TimeUnit.SECONDS)) {
			assertThat(next.isValid(1)).isTrue();
			assertThatExceptionOfType(SQLTransientConnectionException.class)
				.isThrownBy(() -> this.dataSource.getConnection());
		}
	}

	private static JdbcDataSource h2() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:one-session-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		h2.setUser("sa");
		return h2;
	}

}
