package io.notifications.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.notifications.resource.Action;
import io.notifications.resource.ApiResource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The configured users. With none, an Administrator {@code admin@example.com} gets a
 * password generated once and kept in a file, so that it survives restarts.
 */
@Configuration(proxyBeanMethods = false)
class UserStore {

	static final String DEFAULT_EMAIL = "admin@example.com";

	private static final Log logger = LogFactory.getLog(UserStore.class);

	/** So that a busy Basic client pays bcrypt once a minute. */
	static final Duration VERIFIED_PASSWORD_LIFETIME = Duration.ofMinutes(1);

	@Bean
	PasswordEncoder passwordEncoder() {
		return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				VERIFIED_PASSWORD_LIFETIME, System::nanoTime);
	}

	/**
	 * A plain {@link UserDetailsService}: through the manager's
	 * {@code UserDetailsPasswordService} Spring Security would re-encode a {@code {noop}}
	 * password with bcrypt, then pay bcrypt on every Basic request.
	 */
	@Bean
	UserDetailsService userDetailsService(SecurityProperties properties, ListableBeanFactory beans,
			Environment environment) {
		UsersInOneSource.warnOfUsersLeftOut(environment);
		List<UserDetails> users = new ArrayList<>();
		Set<String> grantable = grantableRoles(beans);
		for (int i = 0; i < properties.users().size(); i++) {
			SecurityProperties.User user = properties.users().get(i);
			if (!user.password().startsWith("{")) {
				throw new InvalidSettingException("notifications.security.users[" + i + "].password",
						"A password needs its encoding prefix, such as {bcrypt}... or {noop}...");
			}
			for (String role : user.roles()) {
				// a misspelt role would be a user refused everything, without a word
				if (!grantable.contains(role)) {
					throw new InvalidSettingException("notifications.security.users[" + i + "].roles",
							"The role " + role + " grants nothing here; the roles are " + String.join(", ", grantable));
				}
			}
			users.add(User.withUsername(user.email())
				.password(user.password())
				.authorities(user.roles().toArray(String[]::new))
				.build());
		}
		if (users.isEmpty()) {
			String password = generatedPassword(properties.generatedPasswordLocation());
			users.add(User.withUsername(DEFAULT_EMAIL)
				.password("{noop}" + password)
				.authorities(Roles.ADMINISTRATOR)
				.build());
		}
		return new InMemoryUserDetailsManager(users)::loadUserByUsername;
	}

	/**
	 * The Administrator and {@code {Resource}-{Action}} of every resource, case as given.
	 */
	private static Set<String> grantableRoles(ListableBeanFactory beans) {
		Set<String> roles = new TreeSet<>();
		roles.add(Roles.ADMINISTRATOR);
		for (String name : beans.getBeanNamesForAnnotation(ApiResource.class)) {
			ApiResource resource = beans.findAnnotationOnBean(name, ApiResource.class);
			for (Action action : Action.values()) {
				roles.add(action.on(resource.name()));
			}
		}
		return roles;
	}

	private static String generatedPassword(Resource location) {
		try {
			if (!location.isFile()) {
				throw new IllegalStateException("The generated password is kept only in a file; " + location
						+ " is not one. Configure notifications.security.users instead");
			}
			Path file = location.getFile().toPath().toAbsolutePath();
			if (Files.exists(file)) {
				logger.warn("Using the generated password for " + DEFAULT_EMAIL + " kept in " + file
						+ ". Configure notifications.security.users before production.");
				return readPassword(file);
			}
			String password = UUID.randomUUID().toString();
			Files.createDirectories(file.getParent());
			Path temporary = Files.createTempFile(file.getParent(), "generated-password", ".tmp");
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			Files.writeString(temporary, password + System.lineSeparator());
			try {
				// no replacing: an instance that started at the same moment keeps its
				// password
				Files.move(temporary, file);
			}
			catch (FileAlreadyExistsException ex) {
				Files.delete(temporary);
				return readPassword(file);
			}
			logger.warn(String.format(
					"%n%nUsing generated password for %s: %s%n(kept in %s for the next starts; "
							+ "it is logged only now)%n%nThis generated password is for development use only. "
							+ "Configure notifications.security.users before production.%n",
					DEFAULT_EMAIL, password, file));
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the generated password at " + location, ex);
		}
	}

	private static String readPassword(Path file) throws IOException {
		String password = Files.readString(file).strip();
		if (password.isEmpty()) {
			throw new IllegalStateException(
					"The generated password file " + file + " is empty; delete it to generate a new password");
		}
		return password;
	}

}
