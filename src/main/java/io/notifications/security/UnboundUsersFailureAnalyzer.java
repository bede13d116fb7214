package io.notifications.security;

import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Users from two sources (environment variables and the command line, say): Boot binds
 * the list from one, and its own report would print each value left out, passwords among
 * them. This one names the properties alone.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnboundUsersFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

	private static final String USERS = "notifications.security.users";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
		String unbound = cause.getUnboundProperties()
			.stream()
			.map(ConfigurationProperty::getName)
			.map(Object::toString)
			.filter((name) -> name.startsWith(USERS + "["))
			.sorted()
			.collect(Collectors.joining(", "));
		if (unbound.isEmpty()) {
			return null;
		}
		return new FailureAnalysis(
				"The users' properties " + unbound + " were left unbound (their values are not "
						+ "shown: they hold passwords). Spring Boot takes the list of users from one source only: "
						+ "environment variables, the command line or a properties file.",
				"Configure every user in the " + "same source (docs/security.md).", cause);
	}

}
