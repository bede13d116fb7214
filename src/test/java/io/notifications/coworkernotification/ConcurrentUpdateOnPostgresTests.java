package io.notifications.coworkernotification;

import io.notifications.database.GroupCommit;
import io.notifications.support.OnPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ConcurrentUpdateTests} on PostgreSQL, where each write commits on its own. */
@OnPostgres
class ConcurrentUpdateOnPostgresTests extends ConcurrentUpdateTests {

	@Autowired
	GroupCommit commits;

	@Test
	void writesCommitOnTheirOwn() {
		// a shared transaction would make writers to different rows wait for each other's
		// locks
		assertThat(this.commits.grouped()).isFalse();
	}

}
