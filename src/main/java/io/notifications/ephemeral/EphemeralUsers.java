package io.notifications.ephemeral;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In ephemeral mode, adds the users of {@code notifications.ephemeral.users} and
 * {@code notifications.ephemeral.users-file} to {@code notifications.security.users},
 * after those configured there. Boot binds a list from one property source only, so the
 * whole list, old entries and new, goes into one source ahead of the others. Without any
 * user the start stops: the generated password would be written to a file, which
 * ephemeral mode never does.
 */
class EphemeralUsers implements EnvironmentPostProcessor, Ordered {

	static final String PROFILE = EphemeralProperties.PROFILE;

	static final String USERS = "notifications.ephemeral.users";

	static final String USERS_FILE = "notifications.ephemeral.users-file";

	private static final String SECURITY_USERS = "notifications.security.users";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.matchesProfiles(PROFILE)) {
			return;
		}
		Binder binder = Binder.get(environment);
		List<User> given = new ArrayList<>();
		binder.bind(USERS, String.class).ifBound((text) -> given.addAll(parse(Arrays.asList(text.split(",")), USERS)));
		binder.bind(USERS_FILE, Path.class)
			.ifBound((file) -> given.addAll(parse(lines(file), USERS_FILE + " (" + file + ")")));
		List<User> configured = configured(binder);
		if (given.isEmpty() && configured.isEmpty()) {
			throw new EphemeralSetupException("Ephemeral mode needs at least one user, for example " + "--" + USERS
					+ "=admin@example.com:secret:Administrator (" + USERS + ", " + USERS_FILE + " or " + SECURITY_USERS
					+ "[0].*)");
		}
		if (given.isEmpty()) {
			return;
		}
		List<User> all = new ArrayList<>(configured);
		all.addAll(given);
		Map<String, Object> properties = new LinkedHashMap<>();
		for (int i = 0; i < all.size(); i++) {
			String prefix = SECURITY_USERS + "[" + i + "].";
			properties.put(prefix + "email", all.get(i).email());
			properties.put(prefix + "password", all.get(i).password());
			properties.put(prefix + "roles", String.join(",", all.get(i).roles()));
			if (all.get(i).totpSecret() != null) {
				properties.put(prefix + "totp-secret", all.get(i).totpSecret());
			}
		}
		environment.getPropertySources().addFirst(new MapPropertySource("ephemeralUsers", properties));
	}

	/** After the config data, so that the profiles are known. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The users of {@code notifications.security.users}, wherever they are configured.
	 */
	private static List<User> configured(Binder binder) {
		List<User> users = new ArrayList<>();
		for (int i = 0;; i++) {
			String prefix = SECURITY_USERS + "[" + i + "].";
			String email = binder.bind(prefix + "email", String.class).orElse(null);
			if (email == null) {
				return users;
			}
			users.add(new User(email, binder.bind(prefix + "password", String.class).orElse(""),
					binder.bind(prefix + "roles", Bindable.listOf(String.class)).orElse(List.of()),
					binder.bind(prefix + "totp-secret", String.class).orElse(null)));
		}
	}

	/**
	 * Users as {@code email:password:Role1+Role2}; the password is what lies between the
	 * first and the last colon.
	 */
	static List<User> parse(List<String> entries, String source) {
		List<User> users = new ArrayList<>();
		for (int line = 0; line < entries.size(); line++) {
			String text = entries.get(line).strip();
			if (text.isEmpty() || text.startsWith("#")) {
				continue;
			}
			int first = text.indexOf(':');
			int last = text.lastIndexOf(':');
			if (first <= 0 || last == first || last - first == 1) {
				// the entry may hold a password: named by its place, not shown
				throw new EphemeralSetupException("User " + (line + 1) + " of " + source
						+ " is not email:password:Role1+Role2 (roles may be empty, as in email:password:)");
			}
			String password = text.substring(first + 1, last);
			List<String> roles = Arrays.stream(text.substring(last + 1).split("\\+"))
				.map(String::strip)
				.filter((role) -> !role.isEmpty())
				.toList();
			users.add(new User(text.substring(0, first), password.startsWith("{") ? password : "{noop}" + password,
					roles, null));
		}
		return users;
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new EphemeralSetupException("Cannot read the users file " + file + " (" + USERS_FILE + "): " + ex,
					ex);
		}
	}

	/**
	 * A user as {@code notifications.security.users} holds one, every property of it: a
	 * property left out here would be lost from the configured users.
	 */
	record User(String email, String password, List<String> roles, String totpSecret) {
	}

}
