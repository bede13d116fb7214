package io.notifications.ephemeral;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link EphemeralSetupException} into Boot's short start-up failure report: its
 * one message, without a stack trace to dig it out of.
 */
class EphemeralSetupFailureAnalyzer extends AbstractFailureAnalyzer<EphemeralSetupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EphemeralSetupException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Correct the setting named above (docs/embedded-testing.md); nothing was loaded.", cause);
	}

}
