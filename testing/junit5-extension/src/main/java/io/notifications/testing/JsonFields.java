package io.notifications.testing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JSON object read with property names matched case-insensitively, as the contract promises for
 * requests (section 2): the harness reads the server's PascalCase names, and would read them in
 * any other letter case too.
 */
final class JsonFields {

	private final Map<String, Object> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	private final String what;

	private JsonFields(Map<?, ?> object, String what) {
		object.forEach((name, value) -> this.fields.put((String) name, value));
		this.what = what;
	}

	/** {@code value}, which must be a JSON object; {@code what} names it in errors. */
	static JsonFields of(Object value, String what) {
		if (!(value instanceof Map<?, ?> object)) {
			throw new IllegalStateException(what + " is not a JSON object: " + Json.write(value));
		}
		return new JsonFields(object, what);
	}

	boolean has(String name) {
		return this.fields.get(name) != null;
	}

	Object value(String name) {
		return this.fields.get(name);
	}

	String string(String name) {
		Object value = this.fields.get(name);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw wrong(name, "a string");
	}

	Long whole(String name) {
		Object value = this.fields.get(name);
		if (value == null || value instanceof Long) {
			return (Long) value;
		}
		if (value instanceof Double number && number == Math.rint(number) && !Double.isInfinite(number)) {
			return number.longValue();
		}
		throw wrong(name, "an integer");
	}

	long wholeRequired(String name) {
		Long value = whole(name);
		if (value == null) {
			throw wrong(name, "an integer");
		}
		return value;
	}

	Integer integer(String name) {
		Long value = whole(name);
		return (value != null) ? Math.toIntExact(value) : null;
	}

	Double decimal(String name) {
		Object value = this.fields.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		throw wrong(name, "a number");
	}

	boolean bool(String name) {
		Object value = this.fields.get(name);
		if (value instanceof Boolean bool) {
			return bool;
		}
		throw wrong(name, "true or false");
	}

	Instant instant(String name) {
		String value = string(name);
		return (value != null) ? parseInstant(value) : null;
	}

	JsonFields object(String name) {
		Object value = this.fields.get(name);
		return (value != null) ? of(value, this.what + "." + name) : null;
	}

	List<?> list(String name) {
		Object value = this.fields.get(name);
		if (value instanceof List<?> list) {
			return list;
		}
		throw wrong(name, "an array");
	}

	static Instant parseInstant(String value) {
		return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toInstant();
	}

	private IllegalStateException wrong(String name, String expected) {
		return new IllegalStateException(this.what + "'s " + name + " is not " + expected + ": "
				+ Json.write(this.fields.get(name)));
	}

}
