package io.notifications.resource;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import io.notifications.persistence.AuditedEntity;

/**
 * Everything the server needs to know of one Nexudus resource, declared once in the resource's own
 * package as a bean. Its routes, role rules, listing, OpenAPI entry and the tests' role matrix are
 * all derived from it.
 *
 * @param name Nexudus's name of the resource, e.g. {@code CoworkerNotification}: the prefix of its
 * roles ({@code CoworkerNotification-Edit}) and of its list filters
 * @param basePath the path of its collection, e.g. {@code /api/spaces/coworkernotifications}
 * @param entityType the stored entity
 * @param newEntity makes an empty entity for a create
 * @param requestType the writable fields as a client sends them: each component but the Id is
 * written to the entity field of its name (its components' order is the order of reported
 * validation errors)
 * @param recordType the record as GET answers it (its components name the list's fields)
 * @param toRecord reads a stored entity as its record
 * @param filterAliases more names of list fields, e.g. Nexudus's {@code Coworker} for
 * {@code CoworkerId}
 * @param exampleFields the writable fields of an example record as JSON members, without braces
 * and without {@code Id}, for the OpenAPI document
 * @param <E> the entity type
 * @param <Q> the request type
 * @param <R> the record type
 */
public record ApiResource<E extends AuditedEntity, Q extends Record & ResourceRequest, R extends Record>(String name,
		String basePath, Class<E> entityType, Supplier<E> newEntity, Class<Q> requestType,
		Class<R> recordType, Function<E, R> toRecord, Map<String, String> filterAliases, String exampleFields) {

	public ApiResource {
		Objects.requireNonNull(name, "name");
		if (!basePath.startsWith("/api/") || basePath.endsWith("/")) {
			throw new IllegalArgumentException("A base path starts with /api/ and has no trailing slash: " + basePath);
		}
		filterAliases = Map.copyOf(filterAliases);
	}

}
