package io.notifications.resource;

/**
 * A request record of a resource: its writable fields, and the Id that locates the record
 * a PUT replaces.
 */
public interface ResourceRequest {

	/** The Id sent in the body; null when absent, and ignored by a create. */
	Integer id();

}
