package io.notifications.resource;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * As a Nexudus PUT replaces every writable field, a component left null clears its field
 * (a primitive takes {@code false} or 0). Checked at start-up: a component without a
 * field of its type stops the server.
 */
public final class WritableFields {

	private final List<Writable> fields = new ArrayList<>();

	public WritableFields(Class<? extends Record> requestType, Class<?> entityType) {
		for (RecordComponent component : requestType.getRecordComponents()) {
			if (component.getName().equals("id")) {
				continue;
			}
			Field field = ReflectionUtils.findField(entityType, component.getName());
			if (field == null || !ClassUtils.resolvePrimitiveIfNecessary(field.getType())
				.equals(ClassUtils.resolvePrimitiveIfNecessary(component.getType()))) {
				throw new IllegalStateException(entityType.getSimpleName() + " has no field " + component.getName()
						+ " of type " + component.getType().getSimpleName() + " for " + requestType.getSimpleName());
			}
			ReflectionUtils.makeAccessible(field);
			Method accessor = component.getAccessor();
			ReflectionUtils.makeAccessible(accessor);
			this.fields.add(new Writable(field, accessor));
		}
	}

	public List<Field> fields() {
		return this.fields.stream().map(Writable::field).toList();
	}

	/** In the order of {@link #fields()}. */
	public List<Object> values(Record request) {
		return this.fields.stream().map((writable) -> writable.valueIn(request)).toList();
	}

	void write(Record request, Object entity) {
		for (Writable writable : this.fields) {
			ReflectionUtils.setField(writable.field(), entity, writable.valueIn(request));
		}
	}

	private record Writable(Field field, Method accessor) {

		Object valueIn(Record request) {
			Object value = ReflectionUtils.invokeMethod(this.accessor, request);
			if (value == null && this.field.getType() == boolean.class) {
				return false;
			}
			if (value == null && this.field.getType().isPrimitive()) {
				return 0;
			}
			return value;
		}

	}

}
