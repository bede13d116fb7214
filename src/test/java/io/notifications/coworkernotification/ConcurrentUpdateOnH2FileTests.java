package io.notifications.coworkernotification;

import io.notifications.database.GroupCommit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConcurrentUpdateTests} on an H2 file with the default settings, where the
 * replacements that wait for the database share their commits.
 */
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:file:./target/h2-file-tests/${random.uuid}/notifications;"
				+ "WRITE_DELAY=0;RETENTION_TIME=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000")
class ConcurrentUpdateOnH2FileTests extends ConcurrentUpdateTests {

	@Autowired
	GroupCommit commits;

	@Test
	void writesShareCommitsOnTheFile() {
		assertThat(this.commits.grouped()).isTrue();
	}

}
