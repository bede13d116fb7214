package io.notifications.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the tests of a class against an ephemeral notifications server, started once for the whole
 * test run (shared by every class with the same settings) and reset before each test; tests get a
 * {@link Nexudus} parameter. The same as registering {@link NotificationsExtension} built with these
 * settings.
 *
 * <pre>{@code
 * @NotificationsServer(users = "admin@example.com:secret:Administrator", fixtures = "src/test/resources/fixtures.json")
 * class InvoiceNotificationsTest {
 *     @Test
 *     void updatesTheNotification(Nexudus nexudus) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(NotificationsExtension.class)
public @interface NotificationsServer {

	/**
	 * The users, each {@code email:password:Role1+Role2}; by default one Administrator,
	 * {@code admin@example.com:secret:Administrator}. The reset and the steering calls use the first
	 * user with the role {@code Administrator}.
	 */
	String[] users() default {};

	/**
	 * The fixtures file: a path relative to the directory the tests run in, or
	 * {@code classpath:name} of the test class path. None by default.
	 */
	String fixtures() default "";

	/**
	 * Where the server's clock starts, standing still (e.g. {@code 2025-01-15T10:30:00Z}), and where
	 * each test finds it; the system's clock by default.
	 */
	String clock() default "";

	/** The seed of the server's generators ({@code UniqueId}s, fault draws); random by default. */
	String seed() default "";

	/** More server properties, each {@code name=value}, e.g. {@code notifications.rate-limit.enabled=true}. */
	String[] properties() default {};

	/** More JVM arguments for the server, e.g. {@code -Xmx256m}. */
	String[] jvmArgs() default {};

}
