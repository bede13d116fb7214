package io.notifications.security;

/**
 * Nexudus's role names: {@code Administrator} may do everything, otherwise each operation on a
 * resource needs {@code {Resource}-{Action}}.
 */
public final class Roles {

	public static final String ADMINISTRATOR = "Administrator";

	private Roles() {
	}

	/** The operations a role can grant on a resource. */
	public enum Action {

		CREATE("Create"), READ("Read"), LIST("List"), EDIT("Edit"), DELETE("Delete");

		private final String suffix;

		Action(String suffix) {
			this.suffix = suffix;
		}

		/** The role that grants this action on the named resource, e.g. {@code SystemNotification-Edit}. */
		public String on(String resource) {
			return resource + "-" + this.suffix;
		}

	}

}
