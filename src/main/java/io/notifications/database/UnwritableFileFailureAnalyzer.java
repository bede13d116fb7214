package io.notifications.database;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Boot's short start-up failure report for a file the server may not write, as when the
 * data folder (a container's {@code /app/data}) belongs to another user or is read-only:
 * the reason came last, after about a hundred stack frames. Other file failures are left
 * to the analyzers of what was being read.
 */
class UnwritableFileFailureAnalyzer extends AbstractFailureAnalyzer<FileSystemException> {

	private static final String READ_ONLY = "Read-only file system";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FileSystemException cause) {
		String reason = (cause instanceof AccessDeniedException) ? "permission denied"
				: READ_ONLY.equals(cause.getReason()) ? "the file system is read-only" : null;
		if (reason == null) {
			return null;
		}
		return new FailureAnalysis("The server cannot write " + cause.getFile() + ": " + reason + ".",
				"Let the user the server runs as write to that folder (uid 10001 in the container image, "
						+ "docs/container.md), or give the server another one (docs/configuration.md).",
				cause);
	}

}
