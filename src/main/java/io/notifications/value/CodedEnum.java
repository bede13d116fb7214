package io.notifications.value;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum that travels as its integer code, as Nexudus's enums do. Requests may also name
 * it, case-insensitively.
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
