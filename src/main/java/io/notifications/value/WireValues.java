package io.notifications.value;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The contract's rules for a value sent as text: a JSON string, a query-string filter or
 * a form field all read through these, so the three inputs cannot drift apart.
 * <p>
 * Every rule throws {@link IllegalArgumentException} for text that is not a value of its
 * type.
 */
public final class WireValues {

	/** ASCII digits with an optional minus sign: no "+", no blanks, no decimal point. */
	private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

	private WireValues() {
	}

	/** An int written in decimal digits, within int's range. */
	public static int toInt(String text) {
		if (INTEGER.matcher(text).matches()) {
			try {
				return Integer.parseInt(text);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Out of range: " + text, ex);
			}
		}
		throw new IllegalArgumentException("Not an int: " + text);
	}

	/** Whether the text has the form of an integer, whatever its range. */
	public static boolean isInteger(String text) {
		return INTEGER.matcher(text).matches();
	}

	/** {@code true} or {@code false}, case-insensitively. */
	public static boolean toBoolean(String text) {
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new IllegalArgumentException("Not a boolean: " + text);
		};
	}

	/** A coded enum by its integer code or by its name, case-insensitively. */
	public static <E extends Enum<E> & CodedEnum> E toCoded(Class<E> type, String text) {
		E constant = isInteger(text) ? CodedEnum.fromCode(type, toInt(text)) : CodedEnum.fromName(type, text);
		if (constant == null) {
			throw new IllegalArgumentException("Not a " + type.getSimpleName() + ": " + text);
		}
		return constant;
	}

	/** An ISO-8601 date-time, as {@link DateTimes#parse(String)} reads it. */
	public static Instant toDateTime(String text) {
		try {
			return DateTimes.parse(text);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("Not a date-time: " + text, ex);
		}
	}

	/**
	 * The text itself, unless it holds a NUL character or a lone UTF-16 surrogate:
	 * neither can be stored faithfully (PostgreSQL refuses NUL; a lone surrogate has no
	 * UTF-8 form).
	 */
	public static String toText(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				throw new IllegalArgumentException("NUL character");
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new IllegalArgumentException("Lone surrogate");
			}
		}
		return text;
	}

}
