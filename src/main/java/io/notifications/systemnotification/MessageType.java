package io.notifications.systemnotification;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.notifications.persistence.CodedEnumConverter;
import io.notifications.value.CodedEnum;
import io.notifications.value.WireValues;
import jakarta.persistence.Converter;

enum MessageType implements CodedEnum {

	ISSUE(1), ANNOUNCEMENT(2);

	private final int code;

	MessageType(int code) {
		this.code = code;
	}

	@Override
	public int code() {
		return this.code;
	}

	@JsonCreator
	static MessageType fromWire(String value) {
		return WireValues.toCoded(MessageType.class, value);
	}

	@Converter(autoApply = true)
	static class StoredAsCode extends CodedEnumConverter<MessageType> {

		StoredAsCode() {
			super(MessageType.class);
		}

	}

}
