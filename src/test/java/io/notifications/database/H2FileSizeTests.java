package io.notifications.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's settings, as {@code application.properties} has them, keep its
 * file small under sustained commits (without {@code RETENTION_TIME=0} this loop grows it
 * by tens of MB a second), and every commit is there after a reopen. The 3-minute figure
 * over HTTP is measured by {@code .ci/h2-disk-benchmark}.
 */
class H2FileSizeTests {

	@TempDir
	Path directory;

	@Test
	void sustainedCommitsOverAHundredRowsKeepTheFileSmall() throws Exception {
		String url = defaultUrl().replace("./data/notifications", this.directory.resolve("notifications").toString());
		assertThat(url).contains(";WRITE_DELAY=0;");
		int updates = 0;
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE notes (id INT PRIMARY KEY, message VARCHAR(4000))");
			for (int id = 0; id < 100; id++) {
				statement.execute("INSERT INTO notes VALUES (" + id + ", 'first')");
			}
			try (PreparedStatement update = connection.prepareStatement("UPDATE notes SET message = ? WHERE id = ?")) {
				long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
				while (System.nanoTime() < end) {
					update.setString(1, "update " + updates + " " + "x".repeat(200));
					update.setInt(2, updates % 100);
					update.executeUpdate();
					updates++;
				}
			}
			assertThat(Files.size(this.directory.resolve("notifications.mv.db"))).isLessThan(4L * 1024 * 1024);
		}
		assertThat(updates).isGreaterThan(1000);

		try (Connection reopened = DriverManager.getConnection(url, "sa", "");
				Statement statement = reopened.createStatement();
				ResultSet last = statement
					.executeQuery("SELECT message FROM notes WHERE id = " + ((updates - 1) % 100))) {
			assertThat(last.next()).isTrue();
			assertThat(last.getString(1)).startsWith("update " + (updates - 1) + " ");
		}
	}

	private static String defaultUrl() throws IOException {
		Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
		return properties.getProperty("spring.datasource.url");
	}

}
