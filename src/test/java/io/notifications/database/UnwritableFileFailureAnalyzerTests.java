package io.notifications.database;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data folder the server may not write fails the start with one clear report; as root,
 * as the tests run, no folder is closed to the server, so the failure is built here as H2
 * raises it (deep in the cause chain of the first bean that opens the database).
 */
class UnwritableFileFailureAnalyzerTests {

	private final UnwritableFileFailureAnalyzer analyzer = new UnwritableFileFailureAnalyzer();

	@Test
	void aFolderOfAnotherUserIsNamedWithWhatToDo() {
		FailureAnalysis analysis = this.analyzer
			.analyze(startFailure(new AccessDeniedException("/app/data/notifications.mv.db")));

		assertThat(analysis.getDescription())
			.isEqualTo("The server cannot write /app/data/notifications.mv.db: permission denied.");
		assertThat(analysis.getAction()).isEqualTo("Let the user the server runs as write to that folder "
				+ "(uid 10001 in the container image, docs/container.md), or give the server another one "
				+ "(docs/configuration.md).");
	}

	@Test
	void aReadOnlyFileSystemIsNamed() {
		FailureAnalysis analysis = this.analyzer
			.analyze(startFailure(new FileSystemException("/app/data/key.json", null, "Read-only file system")));

		assertThat(analysis.getDescription())
			.isEqualTo("The server cannot write /app/data/key.json: the file system is read-only.");
	}

	@Test
	void otherFileFailuresAreLeftToTheAnalyzersOfWhatWasRead() {
		assertThat(this.analyzer.analyze(startFailure(new NoSuchFileException("/fixtures.json")))).isNull();
	}

	private static Throwable startFailure(Exception cause) {
		return new BeanCreationException("flywayInitializer", "Unable to obtain connection from database",
				new IllegalStateException("IO Exception", cause));
	}

}
