package io.notifications.resource;

/**
 * What an operation does to a resource, and so which of Nexudus's roles it needs:
 * {@code {Resource}-{Action}}, e.g. {@code CoworkerNotification-Edit}.
 */
public enum Action {

	CREATE("Create"), READ("Read"), LIST("List"), EDIT("Edit"), DELETE("Delete");

	private final String suffix;

	Action(String suffix) {
		this.suffix = suffix;
	}

	/** The role that grants this action on the named resource. */
	public String on(String resource) {
		return resource + "-" + this.suffix;
	}

}
