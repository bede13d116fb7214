package io.notifications.listing;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import io.notifications.value.CodedEnum;
import io.notifications.value.WireValues;

/**
 * A field of a record that a list can be ordered and filtered by: its wire name, the
 * entity attribute behind it, and how a query-string value of it is read.
 *
 * @param wireName the record's property name, e.g. {@code CoworkerId}
 * @param attribute the entity attribute, e.g. {@code coworkerId}
 * @param kind how values are read and compared
 * @param type the Java type of the record component
 */
public record ListField(String wireName, String attribute, Kind kind, Class<?> type) {

	/** How a field's values are read from the query string and compared. */
	public enum Kind {

		/** An int: exact match and ranges. */
		NUMBER,
		/** A string: case-insensitive contains. */
		TEXT,
		/** {@code true} or {@code false}: exact match. */
		BOOLEAN,
		/**
		 * An ISO-8601 date-time ({@code YYYY-MM-DDTHH:mm} or longer): exact match and
		 * ranges.
		 */
		DATE_TIME,
		/** A GUID: exact match. */
		GUID,
		/** A coded enum, by integer or name: exact match. */
		ENUM

	}

	static ListField of(String wireName, String attribute, Class<?> type) {
		return new ListField(wireName, attribute, kindOf(type), type);
	}

	private static Kind kindOf(Class<?> type) {
		if (type == int.class || type == Integer.class) {
			return Kind.NUMBER;
		}
		if (type == String.class) {
			return Kind.TEXT;
		}
		if (type == boolean.class || type == Boolean.class) {
			return Kind.BOOLEAN;
		}
		if (type == Instant.class) {
			return Kind.DATE_TIME;
		}
		if (type == UUID.class) {
			return Kind.GUID;
		}
		if (type.isEnum() && CodedEnum.class.isAssignableFrom(type)) {
			return Kind.ENUM;
		}
		throw new IllegalStateException("No list filter for " + type);
	}

	/** Whether {@code from_} and {@code to_} ranges apply to this field. */
	public boolean hasRange() {
		return this.kind == Kind.NUMBER || this.kind == Kind.DATE_TIME;
	}

	/**
	 * Reads a query-string value of this field with the wire-value rules that JSON
	 * strings and form fields share.
	 * @throws IllegalArgumentException if the text is not a value of the field
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	Object parse(String text) {
		return switch (this.kind) {
			case NUMBER -> WireValues.toInt(text);
			case TEXT -> WireValues.toText(text);
			case BOOLEAN -> WireValues.toBoolean(text);
			// an offset's "+" arrives as a space when the client did not percent-encode
			// it
			case DATE_TIME -> WireValues.toDateTime(text.replace(' ', '+'));
			case GUID -> UUID.fromString(text);
			case ENUM -> WireValues.toCoded((Class) this.type, text);
		};
	}

	/** An int written in decimal digits, with an optional minus sign. */
	static int parseInt(String text) {
		return WireValues.toInt(text);
	}

	/** The value as the client sent it: a number where it reads as one, else the text. */
	static Object attempted(String text) {
		return WireValues.isInteger(text) ? new BigInteger(text) : text;
	}

}
