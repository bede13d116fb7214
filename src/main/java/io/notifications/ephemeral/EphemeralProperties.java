package io.notifications.ephemeral;

import java.nio.file.Path;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
 * @param clock where the server's clock starts, standing still; without it the clock is
 * the system's until a test sets it
 * @param seed the seed of the generators of new UniqueIds and of the faults' draws, so
 * that a run can be repeated; without it they are random
 * @param journal the request journal
 * @param signingKey a file to keep the token signing key in, generated there if missing;
 * without it a new key is generated in memory at every start (a 2048-bit RSA key costs
 * 0.2 to 2 s of CPU under the test harnesses' C1-only JIT). Read by the embedded issuer
 * ({@code EmbeddedIssuerConfig}); the harnesses keep one beside their class-data archive
 */
@ConfigurationProperties("notifications.ephemeral")
public record EphemeralProperties(String users, Path usersFile, String fixtures, Path portFile, Instant clock,
		Long seed, @DefaultValue Journal journal, Path signingKey) {

	/** The profile that turns ephemeral mode on. */
	public static final String PROFILE = "ephemeral";

	/**
	 * The request journal.
	 *
	 * @param size the most requests kept; the oldest are dropped first
	 * @param text the most characters of bodies and query strings kept; the oldest
	 * requests are dropped first, the newest is always kept
	 */
	public record Journal(@DefaultValue("10000") int size, @DefaultValue("64000000") long text) {

		public Journal {
			if (size < 1) {
				throw new IllegalArgumentException("notifications.ephemeral.journal.size must be at least 1");
			}
			if (text < 1) {
				throw new IllegalArgumentException("notifications.ephemeral.journal.text must be at least 1");
			}
		}

	}

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
