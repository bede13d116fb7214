package io.notifications.web;

/** No record has the requested Id; answered with 404 naming the Id. */
public class RecordNotFoundException extends RuntimeException {

	private final int id;

	public RecordNotFoundException(int id) {
		super("No record with Id " + id);
		this.id = id;
	}

	public int getId() {
		return this.id;
	}

}
