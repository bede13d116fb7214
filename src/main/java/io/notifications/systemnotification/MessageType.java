package io.notifications.systemnotification;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.notifications.persistence.CodedEnumConverter;
import io.notifications.value.CodedEnum;
import io.notifications.value.WireValues;
import jakarta.persistence.Converter;

/**
 * What kind of message a system notification carries.
 */
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

	/** Reads a request's value: the code as a number or text, or the name in any case. */
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
