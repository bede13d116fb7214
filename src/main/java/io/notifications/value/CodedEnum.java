package io.notifications.value;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Travels as its integer code, as Nexudus's enums do; requests may also name it, in any
 * case.
 */
public interface CodedEnum {

	@JsonValue
	int code();

	static <E extends Enum<E> & CodedEnum> E fromCode(Class<E> type, int code) {
		for (E constant : type.getEnumConstants()) {
			if (constant.code() == code) {
				return constant;
			}
		}
		return null;
	}

	static <E extends Enum<E> & CodedEnum> E fromName(Class<E> type, String name) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name.toUpperCase(Locale.ROOT))) {
				return constant;
			}
		}
		return null;
	}

}
