package io.notifications.systemnotification;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.notifications.persistence.CodedEnumConverter;
import io.notifications.value.CodedEnum;
import io.notifications.value.WireValues;
import jakarta.persistence.Converter;

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
