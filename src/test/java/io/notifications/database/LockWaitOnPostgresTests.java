package io.notifications.database;

import java.sql.Connection;
import java.sql.Statement;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Envelopes;
import io.notifications.support.OnPostgres;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row lock held elsewhere (an instance frozen mid-write, an operator's transaction)
 * makes a write wait at most 3 s, then answer the 503 of an unavailable database; it
 * waited for as long as the lock was held.
 */
@OnPostgres
class LockWaitOnPostgresTests extends ApiTestSupport {

	static final String BASE = "/api/spaces/coworkernotifications";

	static final String BODY = """
			{"CoworkerId":7,"Message":"m","NotificationType":"blog","EntityId":0}""";

	@Test
	void aWriteToARowLockedElsewhereIsA503WithinSeconds() throws Exception {
		int id = createdId(BASE, BODY);
		String update = BODY.replaceFirst("\\{", "{\"Id\":" + id + ",");
		try (Connection holder = this.jdbc.getDataSource().getConnection()) {
			holder.setAutoCommit(false);
			try (Statement lock = holder.createStatement()) {
				lock.execute("SELECT id FROM coworker_notifications WHERE id = " + id + " FOR UPDATE");
			}
			long start = System.nanoTime();
			Response put = putJson(BASE, update, admin());
			long seconds = (System.nanoTime() - start) / 1_000_000_000;

			assertThat(put.status()).as(put.body()).isEqualTo(503);
			assertThat(put.body()).isEqualTo(Envelopes.failure(503, "The database is unavailable. Try again shortly."));
			assertThat(put.header("Retry-After")).isEqualTo("5");
			assertThat(seconds).isBetween(2L, 6L);
			holder.rollback();
		}
		assertThat(putJson(BASE, update, admin()).status()).isEqualTo(200);
	}

	@Test
	void everySessionHasTheBounds() {
		assertThat(this.jdbc.queryForObject("SHOW lock_timeout", String.class)).isEqualTo("3s");
		assertThat(this.jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class)).isEqualTo("10s");
	}

}
