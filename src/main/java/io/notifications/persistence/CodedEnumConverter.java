package io.notifications.persistence;

import io.notifications.value.CodedEnum;
import jakarta.persistence.AttributeConverter;

/**
 * Stores the integer code, never the ordinal or name, so that reordering or renaming
 * constants cannot change stored data.
 */
public abstract class CodedEnumConverter<E extends Enum<E> & CodedEnum> implements AttributeConverter<E, Integer> {

	private final Class<E> type;

	protected CodedEnumConverter(Class<E> type) {
		this.type = type;
	}

	@Override
	public Integer convertToDatabaseColumn(E attribute) {
		return (attribute != null) ? attribute.code() : null;
	}

	@Override
	public E convertToEntityAttribute(Integer dbData) {
		if (dbData == null) {
			return null;
		}
		E constant = CodedEnum.fromCode(this.type, dbData);
		if (constant == null) {
			throw new IllegalStateException("Unknown " + this.type.getSimpleName() + " code " + dbData);
		}
		return constant;
	}

}
