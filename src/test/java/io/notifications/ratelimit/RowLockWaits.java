package io.notifications.ratelimit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.notifications.support.PostgresServer;

/**
 * Watches, from its own connection and until closed, how many statements on the bucket
 * table of one PostgreSQL database wait on a lock at once.
 */
final class RowLockWaits implements AutoCloseable {

	private final AtomicBoolean watching = new AtomicBoolean(true);

	private final AtomicInteger most = new AtomicInteger();

	private final Thread watcher;

	private volatile SQLException failure;

	private RowLockWaits(String database) {
		this.watcher = new Thread(() -> {
			try (Connection connection = DriverManager.getConnection(database, PostgresServer.USER, "");
					PreparedStatement waiting = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
							+ " WHERE datname = current_database() AND wait_event_type = 'Lock'"
							+ " AND query LIKE '%rate_limit_buckets%'")) {
				while (this.watching.get()) {
					try (ResultSet count = waiting.executeQuery()) {
						count.next();
						this.most.accumulateAndGet(count.getInt(1), Math::max);
					}
				}
			}
			catch (SQLException ex) {
				this.failure = ex;
			}
		});
		this.watcher.start();
	}

	static RowLockWaits watch(String database) {
		return new RowLockWaits(database);
	}

	/** The most statements seen waiting at once. */
	int most() throws SQLException {
		close();
		if (this.failure != null) {
			throw this.failure;
		}
		return this.most.get();
	}

	@Override
	public void close() {
		this.watching.set(false);
		try {
			this.watcher.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
