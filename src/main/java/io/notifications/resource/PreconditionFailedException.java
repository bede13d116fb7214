package io.notifications.resource;

import io.notifications.web.ErrorItem;

/**
 * A write's condition failed: 412, nothing changed. The error names what failed.
 */
final class PreconditionFailedException extends RuntimeException {

	/** Of {@code If-None-Match} that names the record's current version. */
	static final String CURRENT = "matches the current version";

	private final ErrorItem error;

	private PreconditionFailedException(ErrorItem error) {
		super(error.propertyName() + " " + error.message());
		this.error = error;
	}

	/** The record has moved on from every version {@code If-Match} names. */
	static PreconditionFailedException moved(String ifMatch) {
		return new PreconditionFailedException(new ErrorItem(ifMatch, ResourceController.MODIFIED, "Id"));
	}

	static PreconditionFailedException current(String ifNoneMatch) {
		return new PreconditionFailedException(new ErrorItem(ifNoneMatch, CURRENT, "If-None-Match"));
	}

	ErrorItem error() {
		return this.error;
	}

}
