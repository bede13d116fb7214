package io.notifications.resource;

public interface ResourceRequest {

	/** Null when absent; a create ignores it. */
	Integer id();

}
