package io.notifications.systemnotification;

import io.notifications.persistence.CodedEnumConverter;
import io.notifications.value.CodedEnum;
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

	@Converter(autoApply = true)
	static class StoredAsCode extends CodedEnumConverter<Severity> {

		StoredAsCode() {
			super(Severity.class);
		}

	}

}
