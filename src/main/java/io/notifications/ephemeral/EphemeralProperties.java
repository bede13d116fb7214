package io.notifications.ephemeral;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.util.ResourceUtils;

/**
 * Ephemeral mode's settings ({@code notifications.ephemeral.*}), read only with the
 * {@code ephemeral} profile.
 *
 * @param users users as {@code email:password:Role1+Role2}, comma-separated; a password
 * without an encoding prefix is taken as {@code {noop}}. Added to
 * {@code notifications.security.users}
 * @param usersFile a file of users, one {@code email:password:Role1+Role2} a line; blank
 * lines and lines starting with {@code #} are skipped
 * @param fixtures a JSON file (a path, or a {@code classpath:} or {@code file:} URL) of
 * the records every start and every reset begins with, keyed by the last segment of each
 * resource's path: {@code {"coworkernotifications":[...], "systemnotifications":[...]}}
 * @param portFile a file the bound port is written to once the server is ready (deleted
 * at stop)
 */
@ConfigurationProperties("notifications.ephemeral")
public record EphemeralProperties(String users, Path usersFile, String fixtures, Path portFile) {

	/**
	 * The fixtures file: a path is one on the file system, not in the web application.
	 */
	Resource fixturesResource() {
		if (this.fixtures == null || this.fixtures.isBlank()) {
			return null;
		}
		return ResourceUtils.isUrl(this.fixtures) ? new DefaultResourceLoader().getResource(this.fixtures)
				: new FileSystemResource(this.fixtures);
	}

}
