package io.notifications.listing;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import io.notifications.value.CodedEnum;
import io.notifications.value.WireValues;

/**
 * A field a list can be ordered and filtered by.
 *
 * @param wireName the record's property, e.g. {@code CoworkerId}
 * @param attribute the entity's, e.g. {@code coworkerId}
 */
public record ListField(String wireName, String attribute, Kind kind, Class<?> type) {

	public enum Kind {

		/** Exact match and ranges. */
		NUMBER,
		/** Case-insensitive contains. */
		TEXT,
		/** Exact match. */
		BOOLEAN,
		/** ISO-8601, {@code YYYY-MM-DDTHH:mm} or longer: exact match and ranges. */
		DATE_TIME,
		/** Exact match. */
		GUID,
		/** By integer or name: exact match. */
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

	public boolean hasRange() {
		return this.kind == Kind.NUMBER || this.kind == Kind.DATE_TIME;
	}

	/** With the wire-value rules that JSON strings and form fields share. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	Object parse(String text) {
		return switch (this.kind) {
			case NUMBER -> WireValues.toInt(text);
			case TEXT -> WireValues.toText(text);
			case BOOLEAN -> WireValues.toBoolean(text);
			// an offset's "+" arrives as a space unless percent-encoded
			case DATE_TIME -> WireValues.toDateTime(text.replace(' ', '+'));
			case GUID -> UUID.fromString(text);
			case ENUM -> WireValues.toCoded((Class) this.type, text);
		};
	}

	static int parseInt(String text) {
		return WireValues.toInt(text);
	}

	/**
	 * The value as the client sent it: a number where it reads as one and the number is
	 * written so ({@code 7}, not {@code 007}), else the text.
	 */
	static Object attempted(String text) {
		if (WireValues.isInteger(text)) {
			BigInteger number = new BigInteger(text);
			return number.toString().equals(text) ? number : text;
		}
		return text;
	}

}
