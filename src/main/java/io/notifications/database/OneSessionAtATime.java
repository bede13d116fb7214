package io.notifications.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * One thread at a time on the embedded H2 file: with {@code RETENTION_TIME=0} H2 2.4
 * reuses space another session may still be reading, and concurrent statements fail with
 * "Chunk … not found" (h2database#4383). A thread that holds a connection may take more
 * (Flyway opens two). The turn goes to a running thread, not to the longest waiter, which
 * would first have to be woken (docs/reliability.md).
 */
final class OneSessionAtATime extends DelegatingDataSource {

	private final Semaphore turn = new Semaphore(1);

	/** How many connections the current thread holds. */
	private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);

	private final Duration wait;

	OneSessionAtATime(DataSource dataSource, Duration wait) {
		super(dataSource);
		this.wait = wait;
	}

	@Override
	public Connection getConnection() throws SQLException {
		takeTurn();
		try {
			return releasingOnClose(super.getConnection());
		}
		catch (SQLException | RuntimeException ex) {
			endTurn();
			throw ex;
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		takeTurn();
		try {
			return releasingOnClose(super.getConnection(username, password));
		}
		catch (SQLException | RuntimeException ex) {
			endTurn();
			throw ex;
		}
	}

	private void takeTurn() throws SQLException {
		int[] count = this.held.get();
		if (count[0] == 0) {
			try {
				if (!this.turn.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new SQLTransientConnectionException(
							"The embedded database was busy for " + this.wait.toMillis() + " ms");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLTransientConnectionException("Interrupted while waiting for the embedded database", ex);
			}
		}
		count[0]++;
	}

	private void endTurn() {
		int[] count = this.held.get();
		count[0]--;
		if (count[0] == 0) {
			this.turn.release();
		}
	}

	private Connection releasingOnClose(Connection connection) {
		boolean[] closed = new boolean[1];
		return (Connection) Proxy.newProxyInstance(OneSessionAtATime.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("close") && !closed[0]) {
						closed[0] = true;
						try {
							return method.invoke(connection, arguments);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
						finally {
							endTurn();
						}
					}
					if (method.getName().equals("unwrap") && arguments[0] == Connection.class) {
						return proxy;
					}
					try {
						return method.invoke(connection, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
