package io.notifications.value;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A JSON string, a query-string filter and a form field all read through these rules, so
 * that the three inputs cannot drift apart. Each throws {@link IllegalArgumentException}
 * for text that is not a value of its type.
 */
public final class WireValues {

	/** ASCII digits with an optional minus sign: no "+", no blanks, no decimal point. */
	private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

	private WireValues() {
	}

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

	public static boolean isInteger(String text) {
		return INTEGER.matcher(text).matches();
	}

	public static boolean toBoolean(String text) {
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new IllegalArgumentException("Not a boolean: " + text);
		};
	}

	public static <E extends Enum<E> & CodedEnum> E toCoded(Class<E> type, String text) {
		E constant = isInteger(text) ? CodedEnum.fromCode(type, toInt(text)) : CodedEnum.fromName(type, text);
		if (constant == null) {
			throw new IllegalArgumentException("Not a " + type.getSimpleName() + ": " + text);
		}
		return constant;
	}

	public static Instant toDateTime(String text) {
		try {
			return DateTimes.parse(text);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("Not a date-time: " + text, ex);
		}
	}

	/**
	 * NUL and lone surrogates cannot be stored faithfully: PostgreSQL refuses NUL, and a
	 * lone surrogate has no UTF-8 form.
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
