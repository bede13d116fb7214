package io.notifications.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * Spring AOT for the server's start. The jar carries the bean definitions of ephemeral mode with its
 * defaults, worked out when it was built (the {@code process-aot} execution of the server's
 * pom.xml), and {@code -Dspring.aot.enabled=true} uses them instead of evaluating every condition
 * again at each start (testing/README.md has the figures).
 * <p>
 * Those definitions are fixed: under them a property that changes which beans exist (rate limits
 * on, another database, another Actuator exposure) would be ignored without a word. So the server
 * starts with them only while nothing but ephemeral mode's own settings and logging is set, and
 * {@code -Dspring.aot.enabled=false} among the JVM arguments turns them off.
 */
final class SpringAot {

	static final String FLAG = "-Dspring.aot.enabled=true";

	/** What the jar holds when it was built with Spring AOT. */
	static final String INITIALIZER = "BOOT-INF/classes/io/notifications/NotificationsApplication__ApplicationContextInitializer.class";

	/** Properties read at run time only, never by a condition. */
	private static final List<String> RUN_TIME_PROPERTIES = List.of("notifications.ephemeral.", "logging.", "server.port");

	/** Environment variables Spring Boot would read as properties of the server's. */
	private static final List<String> PROPERTY_VARIABLES = List.of("SPRING_", "SPRINGDOC_", "SERVER_", "MANAGEMENT_",
			"NOTIFICATIONS_");

	/** The harnesses' own settings (this one's and the pytest plugin's), which the server never reads. */
	private static final Set<String> HARNESS_VARIABLES = Set.of("NOTIFICATIONS_JAR", "NOTIFICATIONS_JAVA",
			"NOTIFICATIONS_CACHE_DIR", "NOTIFICATIONS_ARCHIVE", "NOTIFICATIONS_USERS", "NOTIFICATIONS_FIXTURES");

	private SpringAot() {
	}

	/**
	 * Why the server starts without Spring AOT, or {@code null} when it starts with it.
	 * @param options the server's options
	 * @param jar the server's jar
	 * @param environment the environment the server inherits
	 */
	static String obstacle(ServerOptions options, Path jar, Map<String, String> environment) {
		for (String name : options.properties.keySet()) {
			if (!readAtRunTime(name)) {
				return "the property " + name + " may change which beans exist";
			}
		}
		for (String argument : options.jvmArgs) {
			if (argument.startsWith("-D") && !readAtRunTime(argument.substring(2))) {
				return "the JVM argument " + argument.replaceFirst("=.*", "=...");
			}
		}
		for (String variable : environment.keySet()) {
			if (PROPERTY_VARIABLES.stream().anyMatch(variable::startsWith) && !HARNESS_VARIABLES.contains(variable)
					&& !variable.startsWith("NOTIFICATIONS_EPHEMERAL_") && !variable.equals("SERVER_PORT")) {
				return "the environment variable " + variable + " may change which beans exist";
			}
		}
		for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
			if (environment.getOrDefault(variable, "").contains("-D")) {
				return "the environment variable " + variable + " sets system properties";
			}
		}
		return builtWithIt(jar) ? null : "the jar was built without it";
	}

	private static boolean readAtRunTime(String property) {
		return RUN_TIME_PROPERTIES.stream().anyMatch(property::startsWith);
	}

	private static boolean builtWithIt(Path jar) {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			return zip.getEntry(INITIALIZER) != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
