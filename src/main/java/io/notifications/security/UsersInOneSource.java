package io.notifications.security;

import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Boot binds the list of users from the first property source that has one and leaves the
 * others' out without a word: command-line user 0 beside environment user 1 started a
 * server without its Administrator. A list that replaces another on purpose (a profile's,
 * a test's) is Boot's rule, so each user left out is named in a warning (the index and
 * the source, never a value) rather than stopping the start.
 */
final class UsersInOneSource {

	private static final Log logger = LogFactory.getLog(UsersInOneSource.class);

	private static final ConfigurationPropertyName USERS = ConfigurationPropertyName.of("notifications.security.users");

	private UsersInOneSource() {
	}

	static void warnOfUsersLeftOut(Environment environment) {
		Set<Integer> bound = null;
		String boundFrom = null;
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			Set<Integer> indexes = indexes(source);
			if (indexes.isEmpty()) {
				continue;
			}
			if (bound == null) {
				bound = indexes;
				boundFrom = String.valueOf(source.getUnderlyingSource());
				continue;
			}
			indexes.removeAll(bound);
			for (int index : indexes) {
				logger.warn(USERS + "[" + index + "] in " + source.getUnderlyingSource() + " is left out: the users "
						+ "are taken from " + boundFrom + ", and Spring Boot takes a list from one source only. "
						+ "Configure every user in the same source (docs/security.md).");
			}
		}
	}

	private static Set<Integer> indexes(ConfigurationPropertySource source) {
		Set<Integer> indexes = new TreeSet<>();
		if (source instanceof IterableConfigurationPropertySource iterable) {
			int at = USERS.getNumberOfElements();
			iterable.stream()
				.filter((name) -> USERS.isAncestorOf(name) && name.getNumberOfElements() > at
						&& name.isNumericIndex(at))
				.forEach((name) -> indexes
					.add(Integer.parseInt(name.getElement(at, ConfigurationPropertyName.Form.UNIFORM))));
		}
		return indexes;
	}

}
