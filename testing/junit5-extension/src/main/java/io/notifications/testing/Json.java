package io.notifications.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the harness needs (RFC 8259), so that it depends on nothing but JUnit. Reading
 * gives {@link LinkedHashMap} for objects (keys in their order), {@link ArrayList} for arrays,
 * {@link String}, {@link Boolean}, {@code null}, and for numbers a {@link Long} when the literal is an
 * integer that fits, else a {@link Double}. Writing takes the same types (any {@link Number},
 * {@link Iterable} and {@link Map} with string keys) and writes them compactly.
 */
final class Json {

	private final String text;

	private int position;

	private Json(String text) {
		this.text = text;
	}

	/** The value {@code text} holds; anything but one JSON value and whitespace is an error. */
	static Object parse(String text) {
		Json reader = new Json(text);
		reader.skipWhitespace();
		Object value = reader.value();
		reader.skipWhitespace();
		if (reader.position != text.length()) {
			throw reader.error("content after the value");
		}
		return value;
	}

	/** {@code value} as compact JSON. */
	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private Object value() {
		if (this.position >= this.text.length()) {
			throw error("a value was expected");
		}
		char c = this.text.charAt(this.position);
		switch (c) {
			case '{':
				return object();
			case '[':
				return array();
			case '"':
				return string();
			case 't':
				return literal("true", Boolean.TRUE);
			case 'f':
				return literal("false", Boolean.FALSE);
			case 'n':
				return literal("null", null);
			default:
				if (c == '-' || (c >= '0' && c <= '9')) {
					return number();
				}
				throw error("unexpected character '" + c + "'");
		}
	}

	private Map<String, Object> object() {
		Map<String, Object> object = new LinkedHashMap<>();
		this.position++;
		skipWhitespace();
		if (peek() == '}') {
			this.position++;
			return object;
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw error("a property name was expected");
			}
			String name = string();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			if (object.containsKey(name)) {
				throw error("duplicate property \"" + name + "\"");
			}
			object.put(name, value());
			skipWhitespace();
			char c = next();
			if (c == '}') {
				return object;
			}
			if (c != ',') {
				throw error("',' or '}' was expected");
			}
		}
	}

	private List<Object> array() {
		List<Object> array = new ArrayList<>();
		this.position++;
		skipWhitespace();
		if (peek() == ']') {
			this.position++;
			return array;
		}
		while (true) {
			skipWhitespace();
			array.add(value());
			skipWhitespace();
			char c = next();
			if (c == ']') {
				return array;
			}
			if (c != ',') {
				throw error("',' or ']' was expected");
			}
		}
	}

	private String string() {
		this.position++;
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = next();
			if (c == '"') {
				return out.toString();
			}
			if (c < 0x20) {
				throw error("a control character in a string");
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char escaped = next();
			switch (escaped) {
				case '"', '\\', '/' -> out.append(escaped);
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					if (this.position + 4 > this.text.length()) {
						throw error("a short \\u escape");
					}
					try {
						out.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
					}
					catch (NumberFormatException ex) {
						throw error("a malformed \\u escape");
					}
					this.position += 4;
				}
				default -> throw error("an unknown escape \\" + escaped);
			}
		}
	}

	private Object number() {
		int start = this.position;
		if (peek() == '-') {
			this.position++;
		}
		if (peek() == '0') {
			this.position++;
		}
		else if (!digits()) {
			throw error("a digit was expected");
		}
		boolean integer = true;
		if (peek() == '.') {
			integer = false;
			this.position++;
			if (!digits()) {
				throw error("a digit was expected after '.'");
			}
		}
		if (peek() == 'e' || peek() == 'E') {
			integer = false;
			this.position++;
			if (peek() == '+' || peek() == '-') {
				this.position++;
			}
			if (!digits()) {
				throw error("a digit was expected in the exponent");
			}
		}
		String literal = this.text.substring(start, this.position);
		if (integer) {
			try {
				return Long.parseLong(literal);
			}
			catch (NumberFormatException ex) {
				// larger than a long: as a double, like any other number
			}
		}
		return Double.parseDouble(literal);
	}

	private boolean digits() {
		int start = this.position;
		while (this.position < this.text.length() && this.text.charAt(this.position) >= '0'
				&& this.text.charAt(this.position) <= '9') {
			this.position++;
		}
		return this.position > start;
	}

	private Object literal(String word, Object value) {
		if (!this.text.startsWith(word, this.position)) {
			throw error("unexpected characters");
		}
		this.position += word.length();
		return value;
	}

	private void skipWhitespace() {
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				return;
			}
			this.position++;
		}
	}

	private char peek() {
		return (this.position < this.text.length()) ? this.text.charAt(this.position) : 0;
	}

	private char next() {
		if (this.position >= this.text.length()) {
			throw error("the text ends too soon");
		}
		return this.text.charAt(this.position++);
	}

	private void expect(char c) {
		if (next() != c) {
			this.position--;
			throw error("'" + c + "' was expected");
		}
	}

	private IllegalArgumentException error(String problem) {
		return new IllegalArgumentException("Not valid JSON, " + problem + " at offset " + this.position + ": "
				+ ((this.text.length() > 200) ? this.text.substring(0, 200) + "..." : this.text));
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String string) {
			writeString(string, out);
		}
		else if (value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isNaN(number) || Double.isInfinite(number)) {
				throw new IllegalArgumentException("JSON has no " + number);
			}
			out.append(number);
		}
		else if (value instanceof BigDecimal decimal) {
			out.append(decimal.toString());
		}
		else if (value instanceof Number) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
			while (entries.hasNext()) {
				Map.Entry<?, ?> entry = entries.next();
				writeString((String) entry.getKey(), out);
				out.append(':');
				write(entry.getValue(), out);
				if (entries.hasNext()) {
					out.append(',');
				}
			}
			out.append('}');
		}
		else if (value instanceof Iterable<?> iterable) {
			out.append('[');
			Iterator<?> items = iterable.iterator();
			while (items.hasNext()) {
				write(items.next(), out);
				if (items.hasNext()) {
					out.append(',');
				}
			}
			out.append(']');
		}
		else {
			// Instant, enums and the like: their text
			writeString(value.toString(), out);
		}
	}

	private static void writeString(String string, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
