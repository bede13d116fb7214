package io.notifications.systemnotification;

import io.notifications.persistence.CodedEnumConverter;
import io.notifications.value.CodedEnum;
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

	@Converter(autoApply = true)
	static class StoredAsCode extends CodedEnumConverter<MessageType> {

		StoredAsCode() {
			super(MessageType.class);
		}

	}

}
