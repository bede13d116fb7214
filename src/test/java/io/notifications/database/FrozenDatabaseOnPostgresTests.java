package io.notifications.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Envelopes;
import io.notifications.support.FreezingProxy;
import io.notifications.support.PostgresServer;
import io.notifications.support.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops answering in the middle of a statement (frozen, or cut off by a
 * partition, without closing anything): the request is a 503 within seconds. It waited
 * for as long as the database was frozen, or until TCP gave up.
 */
class FrozenDatabaseOnPostgresTests extends ApiTestSupport {

	static final String BASE = "/api/spaces/coworkernotifications";

	static final String BODY = """
			{"CoworkerId":7,"Message":"m","NotificationType":"blog","EntityId":0}""";

	/** The database itself, for the test's own connections. */
	static final String DIRECT = PostgresServer.newDatabase();

	static final FreezingProxy proxy = new FreezingProxy(address(DIRECT));

	@DynamicPropertySource
	static void throughTheProxy(DynamicPropertyRegistry registry) {
		InetSocketAddress database = address(DIRECT);
		registry.add("spring.datasource.url",
				() -> DIRECT.replace(database.getHostString() + ":" + database.getPort(), "127.0.0.1:" + proxy.port()));
		registry.add("spring.datasource.username", () -> PostgresServer.USER);
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterAll
	static void closeProxy() throws IOException {
		proxy.close();
	}

	@Test
	void aDatabaseThatStopsAnsweringMidStatementIsA503WithinSeconds() throws Exception {
		int id = createdId(BASE, BODY);
		String update = BODY.replaceFirst("\\{", "{\"Id\":" + id + ",");
		try (Connection holder = DriverManager.getConnection(DIRECT, PostgresServer.USER, "");
				Connection watcher = DriverManager.getConnection(DIRECT, PostgresServer.USER, "")) {
			holder.setAutoCommit(false);
			try (Statement lock = holder.createStatement()) {
				lock.execute("SELECT id FROM coworker_notifications WHERE id = " + id + " FOR UPDATE");
			}
			CompletableFuture<Response> put = CompletableFuture.supplyAsync(() -> putJson(BASE, update, admin()));
			// the PUT's statement is in the database's hands, waiting for the lock: then
			// it
			// freezes
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!waitingForALock(watcher) && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			proxy.freeze();
			long start = System.nanoTime();
			Response response = put.get(30, TimeUnit.SECONDS);
			long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

			assertThat(response.status()).as(response.body()).isEqualTo(503);
			assertThat(response.body())
				.isEqualTo(Envelopes.failure(503, "The database is unavailable. Try again shortly."));
			assertThat(response.header("Retry-After")).isEqualTo("5");
			assertThat(seconds).isLessThan(7);
			holder.rollback();
		}
		finally {
			proxy.thaw();
		}
		Response again = putJson(BASE, update, admin());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (again.status() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(100);
			again = putJson(BASE, update, admin());
		}
		assertThat(again.status()).as(again.body()).isEqualTo(200);
	}

	private static boolean waitingForALock(Connection watcher) throws SQLException {
		try (Statement statement = watcher.createStatement();
				ResultSet waiting = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
						+ " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
			waiting.next();
			return waiting.getInt(1) > 0;
		}
	}

	private static InetSocketAddress address(String jdbcUrl) {
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		return new InetSocketAddress(uri.getHost(), uri.getPort());
	}

}
