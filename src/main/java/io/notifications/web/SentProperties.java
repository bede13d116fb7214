package io.notifications.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.notifications.value.WireValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The properties of one request as sent, by record component, with the failure of each:
 * what Jackson binds, and what the errors show as {@code AttemptedValue}.
 */
final class SentProperties {

	/** Why a property failed, the first outranking the others on the same property. */
	enum Failure {

		/** Jackson could not read the value. */
		NOT_BOUND,
		/** A {@code NotNull} or {@code NotBlank} constraint. */
		REQUIRED,
		/** Any other constraint. */
		CONSTRAINT

	}

	private final RequestShape shape;

	private final ObjectNode bound = JsonNodeFactory.instance.objectNode();

	private final String[] keys;

	private final JsonNode[] values;

	private final Failure[] failures;

	private final String[] messages;

	/**
	 * Properties that are not bound (unknown or ignored) but hold a string no record may.
	 */
	private final List<ErrorItem> unboundFailures = new ArrayList<>();

	/**
	 * Names that a request refusing unknown properties does not know; listed first, since
	 * a misspelt name explains the errors it causes ("Now: is a required field").
	 */
	private final List<ErrorItem> unknownNames = new ArrayList<>();

	private SentProperties(RequestShape shape) {
		this.shape = shape;
		this.keys = new String[shape.size()];
		this.values = new JsonNode[shape.size()];
		this.failures = new Failure[shape.size()];
		this.messages = new String[shape.size()];
	}

	static SentProperties of(ObjectNode properties, RequestShape shape, Set<String> ignored) {
		SentProperties sent = new SentProperties(shape);
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			int index = shape.indexOfSent(property.getKey());
			if (index >= 0) {
				if (sent.keys[index] != null) {
					// "Id" beside "id": a duplicate key that Jackson cannot see
					throw new UnreadableBodyException(UnreadableBodyException.NOT_JSON);
				}
				sent.keys[index] = property.getKey();
				if (ignored.contains(shape.wireName(index))) {
					sent.checkUnbound(property.getKey(), property.getValue());
					continue;
				}
				sent.values[index] = property.getValue();
			}
			else if (shape.refusesUnknown()) {
				sent.unknownNames.add(new ErrorItem(property.getValue(), ErrorItem.UNKNOWN, property.getKey()));
				continue;
			}
			else {
				sent.checkUnbound(property.getKey(), property.getValue());
			}
			// unknown properties go to Jackson too, which ignores them
			sent.bound.set(property.getKey(), property.getValue());
		}
		return sent;
	}

	/**
	 * NUL and lone surrogates are refused in any string, bound or not (CONTRACT.md 2).
	 */
	private void checkUnbound(String name, JsonNode value) {
		if (!storable(name) || !storable(value)) {
			this.unboundFailures.add(new ErrorItem(value, ErrorItem.NOT_VALID, name));
		}
	}

	private static boolean storable(JsonNode value) {
		if (value.isString()) {
			return storable(value.asString());
		}
		// an object's names here, its values (or an array's elements) below
		for (Map.Entry<String, JsonNode> member : value.properties()) {
			if (!storable(member.getKey())) {
				return false;
			}
		}
		for (JsonNode element : value.values()) {
			if (!storable(element)) {
				return false;
			}
		}
		return true;
	}

	private static boolean storable(String text) {
		try {
			WireValues.toText(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	ObjectNode bound() {
		return this.bound;
	}

	/**
	 * Fails these properties and leaves them out of the next read; unreadable if none of
	 * them is still to bind, so that every read makes progress.
	 */
	void leaveOut(List<String> sentNames, RuntimeException cause) {
		boolean leftOut = false;
		for (String name : sentNames) {
			int index = (name != null) ? this.shape.indexOfSent(name) : -1;
			if (index >= 0 && this.bound.remove(this.keys[index]) != null) {
				fail(index, Failure.NOT_BOUND, ErrorItem.NOT_VALID);
				leftOut = true;
			}
		}
		if (!leftOut) {
			throw new UnreadableBodyException(UnreadableBodyException.NOT_JSON, cause);
		}
	}

	void fail(int index, Failure failure, String message) {
		if (this.failures[index] == null || failure.compareTo(this.failures[index]) < 0) {
			this.failures[index] = failure;
			this.messages[index] = message;
		}
	}

	List<ErrorItem> errors() {
		List<ErrorItem> errors = new ArrayList<>(this.unknownNames);
		for (int i = 0; i < this.failures.length; i++) {
			if (this.failures[i] != null) {
				errors.add(new ErrorItem(this.values[i], this.messages[i], this.shape.wireName(i)));
			}
		}
		errors.addAll(this.unboundFailures);
		return errors;
	}

}
