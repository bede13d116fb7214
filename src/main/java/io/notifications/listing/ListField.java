package io.notifications.listing;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.notifications.value.CodedEnum;
import io.notifications.value.DateTimes;

/**
 * A field of a record that a list can be ordered and filtered by: its wire name, the entity
 * attribute behind it, and how a query-string value of it is read.
 *
 * @param wireName the record's property name, e.g. {@code CoworkerId}
 * @param attribute the entity attribute, e.g. {@code coworkerId}
 * @param kind how values are read and compared
 * @param type the Java type of the record component
 */
public record ListField(String wireName, String attribute, Kind kind, Class<?> type) {

	private static final Pattern INTEGER = Pattern.compile("-?\\d+");

	/** How a field's values are read from the query string and compared. */
	public enum Kind {

		/** An int: exact match and ranges. */
		NUMBER,
		/** A string: case-insensitive contains. */
		TEXT,
		/** {@code true} or {@code false}: exact match. */
		BOOLEAN,
		/** An ISO-8601 date-time ({@code YYYY-MM-DDTHH:mm} or longer): exact match and ranges. */
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
	 * Reads a query-string value of this field.
	 * @throws IllegalArgumentException if the text is not a value of the field
	 */
	Object parse(String text) {
		return switch (this.kind) {
			case NUMBER -> parseInt(text);
			case TEXT -> text;
			case BOOLEAN -> parseBoolean(text);
			case DATE_TIME -> parseDateTime(text);
			case GUID -> UUID.fromString(text);
			case ENUM -> parseEnum(text);
		};
	}

	/** An int written in decimal digits, with an optional minus sign. */
	static int parseInt(String text) {
		if (INTEGER.matcher(text).matches()) {
			BigInteger value = new BigInteger(text);
			if (value.bitLength() < 32) {
				return value.intValue();
			}
		}
		throw new IllegalArgumentException("Not an int: " + text);
	}

	/** The value as the client sent it: a number where it reads as one, else the text. */
	static Object attempted(String text) {
		return INTEGER.matcher(text).matches() ? new BigInteger(text) : text;
	}

	private static boolean parseBoolean(String text) {
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new IllegalArgumentException("Not a boolean: " + text);
		};
	}

	private static Instant parseDateTime(String text) {
		try {
			// an offset's "+" arrives as a space when the client did not percent-encode it
			return DateTimes.parse(text.replace(' ', '+'));
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Object parseEnum(String text) {
		Class enumType = this.type;
		Object constant = INTEGER.matcher(text).matches() ? CodedEnum.fromCode(enumType, parseInt(text))
				: CodedEnum.fromName(enumType, text);
		if (constant == null) {
			throw new IllegalArgumentException("Not in the enum: " + text);
		}
		return constant;
	}

}
