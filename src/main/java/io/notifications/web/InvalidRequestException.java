package io.notifications.web;

import java.util.List;

/** Answered with 400 and every failing property. */
public class InvalidRequestException extends RuntimeException {

	private final List<ErrorItem> errors;

	public InvalidRequestException(List<ErrorItem> errors) {
		super(errors.get(0).propertyName() + ": " + errors.get(0).message());
		this.errors = List.copyOf(errors);
	}

	public InvalidRequestException(ErrorItem error) {
		this(List.of(error));
	}

	public List<ErrorItem> getErrors() {
		return this.errors;
	}

}
