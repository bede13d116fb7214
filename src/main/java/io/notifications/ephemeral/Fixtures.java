package io.notifications.ephemeral;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.notifications.idempotency.IdempotencyKeys;
import io.notifications.resource.ResourceController;
import io.notifications.web.ErrorItem;
import io.notifications.web.InvalidRequestException;
import io.notifications.web.UnreadableBodyException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;

/**
 * The records every start and every reset begins with, read once from
 * {@code notifications.ephemeral.fixtures} and checked whole before any is written: one
 * invalid record stops the start with a message naming it and its property, and nothing
 * is loaded. Each resource's fixtures sit under the last segment of its path; the records
 * are read through the resources' declarations, as a PUT's body is, with their Ids and
 * server-managed fields kept.
 */
class Fixtures {

	static final String PROPERTY = "notifications.ephemeral.fixtures";

	private static final Log logger = LogFactory.getLog(Fixtures.class);

	private static final JsonMapper json = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final FixtureRecords records;

	private final IdempotencyKeys keys;

	/** Every resource's rows, in the order of the declarations, empty lists included. */
	private final Map<ResourceController<?, ?, ?>, List<FixtureRecords.Row>> rows = new LinkedHashMap<>();

	Fixtures(List<ResourceController<?, ?, ?>> resources, FixtureRecords records, IdempotencyKeys keys, Resource file,
			Clock clock) {
		this.records = records;
		this.keys = keys;
		Map<String, ResourceController<?, ?, ?>> byKey = new LinkedHashMap<>();
		resources.forEach((resource) -> {
			byKey.put(key(resource), resource);
			this.rows.put(resource, new ArrayList<>());
		});
		if (file != null) {
			read(file, byKey, records, clock);
		}
	}

	/**
	 * Empties every table the resources and the Idempotency-Keys use, then writes the
	 * fixtures.
	 */
	Map<String, Integer> restore() {
		long start = System.nanoTime();
		this.records.replaceAll(this.rows);
		this.keys.forgetAll();
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.rows.forEach((resource, resourceRows) -> counts.put(key(resource), resourceRows.size()));
		if (logger.isDebugEnabled()) {
			logger.debug("Restored the fixtures " + counts + " in " + (System.nanoTime() - start) / 1000 + " µs");
		}
		return counts;
	}

	/**
	 * The key of a resource's fixtures: the last segment of its path, such as
	 * {@code coworkernotifications}.
	 */
	static String key(ResourceController<?, ?, ?> resource) {
		return resource.declared().key();
	}

	private void read(Resource file, Map<String, ResourceController<?, ?, ?>> byKey, FixtureRecords records,
			Clock clock) {
		String where = PROPERTY + " (" + file.getDescription() + ")";
		JsonNode tree;
		try (InputStream in = file.getInputStream()) {
			tree = json.readTree(in);
		}
		catch (IOException ex) {
			throw new EphemeralSetupException("Cannot read the fixtures of " + where + ": " + ex.getMessage(), ex);
		}
		catch (JacksonException ex) {
			throw new EphemeralSetupException("The fixtures of " + where + " are not valid JSON: "
					+ ex.getOriginalMessage() + " at " + ex.getLocation(), ex);
		}
		if (!(tree instanceof ObjectNode resources)) {
			throw new EphemeralSetupException("The fixtures of " + where + " must be a JSON object of arrays, keyed by "
					+ String.join(", ", byKey.keySet()));
		}
		for (Map.Entry<String, JsonNode> entry : resources.properties()) {
			ResourceController<?, ?, ?> resource = byKey.entrySet()
				.stream()
				.filter((known) -> known.getKey().equalsIgnoreCase(entry.getKey()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElseThrow(() -> new EphemeralSetupException("The fixtures of " + where + " name no resource \""
						+ entry.getKey() + "\"; the resources are " + String.join(", ", byKey.keySet())));
			if (!entry.getValue().isArray()) {
				throw new EphemeralSetupException(
						"The fixtures of " + where + ": \"" + entry.getKey() + "\" must be an array of records");
			}
			Set<Integer> ids = new HashSet<>();
			Set<Object> uniqueIds = new HashSet<>();
			for (int i = 0; i < entry.getValue().size(); i++) {
				String record = key(resource) + "[" + i + "]";
				if (!(entry.getValue().get(i) instanceof ObjectNode fields)) {
					throw new EphemeralSetupException(
							"Invalid fixture " + record + " in " + where + ": not a JSON object");
				}
				FixtureRecords.Row row;
				try {
					row = records.read(resource, fields, clock.instant());
				}
				catch (InvalidRequestException ex) {
					throw new EphemeralSetupException("Invalid fixture " + record + " (Id " + id(fields) + ") in "
							+ where + ": " + describe(ex.getErrors()), ex);
				}
				catch (UnreadableBodyException ex) {
					throw new EphemeralSetupException(
							"Invalid fixture " + record + " in " + where + ": " + ex.getMessage(), ex);
				}
				String invalid = null;
				if (!ids.add(row.id())) {
					invalid = "Id " + row.id() + " is given twice";
				}
				else if (!uniqueIds.add(row.values().get("uniqueId"))) {
					invalid = "UniqueId " + row.values().get("uniqueId") + " is given twice";
				}
				else if (row.id() == Integer.MAX_VALUE) {
					// new records' Ids follow the highest
					invalid = "Id " + row.id() + " leaves no Id for new records; the highest a fixture may have is "
							+ (Integer.MAX_VALUE - 1);
				}
				if (invalid != null) {
					throw new EphemeralSetupException("Invalid fixture " + record + " in " + where + ": " + invalid);
				}
				this.rows.get(resource).add(row);
			}
		}
	}

	private static String id(ObjectNode fields) {
		for (Map.Entry<String, JsonNode> property : fields.properties()) {
			if (property.getKey().equalsIgnoreCase("Id")) {
				return property.getValue().toString();
			}
		}
		return "missing";
	}

	/**
	 * Every failing property as the envelope would name it:
	 * {@code Message: is a required field}.
	 */
	private static String describe(List<ErrorItem> errors) {
		List<String> parts = new ArrayList<>();
		for (ErrorItem error : errors) {
			parts.add(error.propertyName() + ": " + error.message()
					+ ((error.attemptedValue() != null) ? " (" + abbreviated(error.attemptedValue()) + ")" : ""));
		}
		return String.join("; ", parts);
	}

	/**
	 * A value as sent, cut short: a 20000-character Description would drown the message.
	 */
	private static String abbreviated(Object value) {
		String text = String.valueOf(value);
		return (text.length() <= 60) ? text : text.substring(0, 60) + "...";
	}

}
