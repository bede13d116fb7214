package io.notifications.ephemeral;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.notifications.persistence.AuditedEntity;
import io.notifications.persistence.UniqueIds;
import io.notifications.resource.RecordWrites;
import io.notifications.resource.ResourceController;
import io.notifications.resource.ResourceRequest;
import io.notifications.resource.WritableFields;
import io.notifications.value.DateTimes;
import io.notifications.web.ErrorItem;
import io.notifications.web.InvalidRequestException;
import io.notifications.web.OnUpdate;
import io.notifications.web.RequestBinder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records written whole, as GET shows them: the writable fields read and validated as a
 * PUT's body, the Id and the server-managed fields (UniqueId, CreatedOn, UpdatedOn,
 * UpdatedBy, IsNew) kept as given. For a server that starts from known data (ephemeral
 * mode's fixtures); the API itself never writes an Id or a server-managed field.
 */
class FixtureRecords {

	private final RequestBinder binder;

	private final RecordWrites records;

	private final Map<ResourceController<?, ?, ?>, WritableFields> writable = new ConcurrentHashMap<>();

	private final UniqueIds uniqueIds;

	FixtureRecords(RequestBinder binder, RecordWrites records, UniqueIds uniqueIds) {
		this.binder = binder;
		this.records = records;
		this.uniqueIds = uniqueIds;
	}

	/**
	 * Reads one record in GET's shape. A server-managed field left out takes what a
	 * create would give it: a new UniqueId, {@code now}, no UpdatedBy, IsNew true.
	 * @throws InvalidRequestException naming every failing property, the Id included
	 */
	Row read(ResourceController<?, ?, ?> resource, ObjectNode record, Instant now) {
		List<ErrorItem> errors = new ArrayList<>();
		ResourceRequest request = null;
		try {
			request = (ResourceRequest) this.binder.bind(record, resource.declared().requestType(), Set.of(),
					OnUpdate.class);
		}
		catch (InvalidRequestException ex) {
			errors.addAll(ex.getErrors());
		}
		Map<String, Object> values = new HashMap<>();
		Object uniqueId = managed(record, "UniqueId", errors, (node) -> UUID.fromString(node.asString()), null);
		values.put("uniqueId", (uniqueId != null) ? uniqueId : this.uniqueIds.next());
		Instant second = AuditedEntity.storedTime(now);
		values.put("createdOn", managed(record, "CreatedOn", errors, (node) -> storedTime(node), second));
		values.put("updatedOn", managed(record, "UpdatedOn", errors, (node) -> storedTime(node), second));
		values.put("updatedBy", managed(record, "UpdatedBy", errors, FixtureRecords::updatedBy, null));
		values.put("isNew", managed(record, "IsNew", errors, FixtureRecords::bool, true));
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		WritableFields fields = this.writable.computeIfAbsent(resource,
				(key) -> new WritableFields(key.declared().requestType(), key.declared().entityType()));
		List<Object> writable = fields.values((Record) request);
		for (int i = 0; i < writable.size(); i++) {
			values.put(fields.fields().get(i).getName(), writable.get(i));
		}
		values.put("id", request.id());
		values.put("version", 0L);
		return new Row(request.id(), values);
	}

	/**
	 * Replaces every record of each given resource by its rows, and makes each resource's
	 * next generated Id the one above its highest row (1 without rows), so that creates
	 * never collide with them and get the same Ids after every replacement.
	 */
	void replaceAll(Map<ResourceController<?, ?, ?>, List<Row>> rows) {
		rows.forEach((resource, resourceRows) -> this.records.replaceAll(
				resource.declared().entityType().asSubclass(AuditedEntity.class),
				resourceRows.stream().map(Row::values).toList()));
	}

	/**
	 * A server-managed property's value, or the fallback when absent or null; a failure
	 * is added to errors.
	 */
	private static Object managed(ObjectNode record, String name, List<ErrorItem> errors, Reading reading,
			Object fallback) {
		for (Map.Entry<String, JsonNode> property : record.properties()) {
			if (property.getKey().equalsIgnoreCase(name) && !property.getValue().isNull()) {
				JsonNode node = property.getValue();
				try {
					return reading.read(node);
				}
				catch (IllegalArgumentException | DateTimeException ex) {
					errors.add(new ErrorItem(node.isString() ? node.asString() : node.toString(), ErrorItem.NOT_VALID,
							name));
					return fallback;
				}
			}
		}
		return fallback;
	}

	private static Instant storedTime(JsonNode node) {
		if (!node.isString()) {
			throw new IllegalArgumentException("a date-time is a string");
		}
		return AuditedEntity.storedTime(DateTimes.parse(node.asString()));
	}

	private static String updatedBy(JsonNode node) {
		if (!node.isString() || node.asString().length() > AuditedEntity.MAX_CALLER_LENGTH) {
			throw new IllegalArgumentException("UpdatedBy is a string of at most 255 characters");
		}
		return node.asString();
	}

	private static boolean bool(JsonNode node) {
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isString() && (node.asString().equals("true") || node.asString().equals("false"))) {
			return Boolean.parseBoolean(node.asString());
		}
		throw new IllegalArgumentException("not a bool");
	}

	/**
	 * One record ready to be written.
	 *
	 * @param id its Id
	 * @param values every field's value, by the entity's field name
	 */
	record Row(int id, Map<String, Object> values) {
	}

	/** How a server-managed property is read from JSON. */
	private interface Reading {

		Object read(JsonNode node);

	}

}
