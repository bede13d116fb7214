package io.notifications.value;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A coded enum for the unit tests of the value rules, the list filters and the binder,
 * declared as the resources declare theirs. Codes 1 and 3, so that 2 lies inside the
 * range but not the enum.
 */
public enum Level implements CodedEnum {

	LOW(1), HIGH(3);

	private final int code;

	Level(int code) {
		this.code = code;
	}

	@Override
	public int code() {
		return this.code;
	}

	@JsonCreator
	static Level fromWire(String value) {
		return WireValues.toCoded(Level.class, value);
	}

}
