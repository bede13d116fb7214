package io.notifications.security;

/**
 * Nexudus's role names: {@code Administrator} may do everything, otherwise each operation
 * on a resource needs {@code {Resource}-{Action}}
 * ({@link io.notifications.resource.Action}).
 */
public final class Roles {

	public static final String ADMINISTRATOR = "Administrator";

	private Roles() {
	}

}
