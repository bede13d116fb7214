package io.notifications.systemnotification;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.notifications.persistence.CodedEnumConverter;
import io.notifications.value.CodedEnum;
import io.notifications.value.WireValues;
import jakarta.persistence.Converter;

/**
 * How serious a system notification is.
 */
enum Severity implements CodedEnum {

	LOW(1), MEDIUM(2), HIGH(3);

	private final int code;

	Severity(int code) {
		this.code = code;
	}

	@Override
	public int code() {
		return this.code;
	}

	/** Reads a request's value: the code as a number or text, or the name in any case. */
	@JsonCreator
	static Severity fromWire(String value) {
		return WireValues.toCoded(Severity.class, value);
	}

	@Converter(autoApply = true)
	static class StoredAsCode extends CodedEnumConverter<Severity> {

		StoredAsCode() {
			super(Severity.class);
		}

	}

}
