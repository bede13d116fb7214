package io.notifications.resource;

/** Which of Nexudus's roles an operation needs: {@code {Resource}-{Action}}. */
public enum Action {

	CREATE("Create"), READ("Read"), LIST("List"), EDIT("Edit"), DELETE("Delete");

	private final String suffix;

	Action(String suffix) {
		this.suffix = suffix;
	}

	public String on(String resource) {
		return resource + "-" + this.suffix;
	}

}
