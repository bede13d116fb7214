package io.notifications.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.notifications.NotificationsApplication;
import io.notifications.support.EndToEnd;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default database: an H2 file that keeps every acknowledged commit.
 */
@EndToEnd
class EmbeddedDatabaseTests {

	@Test
	void defaultUrlWritesEachCommitBeforeItIsAcknowledged() throws IOException {
		Properties defaults = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
			defaults.load(in);
		}
		String url = defaults.getProperty("spring.datasource.url");

		assertThat(url).startsWith("jdbc:h2:file:./data/");
		assertThat(url).contains(";WRITE_DELAY=0").contains(";DB_CLOSE_ON_EXIT=FALSE");
	}

	@Test
	void dataWrittenByOneContextIsThereInTheNext(@TempDir Path dataDir) {
		String url = "jdbc:h2:file:" + dataDir.resolve("notifications")
				+ ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";

		try (ConfigurableApplicationContext first = start(url, dataDir)) {
			first.getBean(JdbcTemplate.class)
				.update("""
						INSERT INTO coworker_notifications (coworker_id, message, notification_type, entity_id, is_dismissed,
						    unique_id, created_on, updated_on, is_new, version)
						VALUES (5, 'kept across restarts', 'blog', 0, FALSE, RANDOM_UUID(), CURRENT_TIMESTAMP,
						    CURRENT_TIMESTAMP, TRUE, 0)""");
		}
		assertThat(Files.exists(dataDir.resolve("notifications.mv.db"))).isTrue();

		try (ConfigurableApplicationContext second = start(url, dataDir)) {
			assertThat(second.getBean(JdbcTemplate.class)
				.queryForList("SELECT message FROM coworker_notifications", String.class))
				.containsExactly("kept across restarts");
		}
	}

	private static ConfigurableApplicationContext start(String url, Path dataDir) {
		return new SpringApplicationBuilder(NotificationsApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url,
				"--notifications.security.token.key-location=file:" + dataDir.resolve("key.json"),
				// no users configured: keep the generated password beside the key, not in
				// ./data
				"--notifications.security.generated-password-location=file:" + dataDir.resolve("generated-password"),
				"--notifications.rate-limit.enabled=false");
	}

}
