package io.notifications.web;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request record type as the binder needs it, worked out once per type: its
 * problem-collecting reader, and its components' wire names in record order (the
 * contract's field order, in which errors are reported).
 */
final class RequestShape {

	private final ObjectReader reader;

	private final String[] wireNames;

	private final Map<String, Integer> byLowerCaseWireName = new HashMap<>();

	private final Map<String, Integer> byComponentName = new HashMap<>();

	private final boolean refusesUnknown;

	private RequestShape(ObjectReader reader, RecordComponent[] components, boolean refusesUnknown) {
		this.reader = reader;
		this.refusesUnknown = refusesUnknown;
		this.wireNames = new String[components.length];
		for (int i = 0; i < components.length; i++) {
			JsonProperty property = components[i].getAccessor().getAnnotation(JsonProperty.class);
			this.wireNames[i] = (property != null) ? property.value() : components[i].getName();
			this.byLowerCaseWireName.put(this.wireNames[i].toLowerCase(Locale.ROOT), i);
			this.byComponentName.put(components[i].getName(), i);
		}
	}

	/**
	 * Unknown properties are ignored, as Nexudus ignores them, unless the record says
	 * {@code @JsonIgnoreProperties(ignoreUnknown = false)}.
	 */
	static RequestShape of(Class<?> type, JsonMapper mapper) {
		JsonIgnoreProperties declared = type.getAnnotation(JsonIgnoreProperties.class);
		return new RequestShape(mapper.readerFor(type).problemCollectingReader(), type.getRecordComponents(),
				declared != null && !declared.ignoreUnknown());
	}

	boolean refusesUnknown() {
		return this.refusesUnknown;
	}

	ObjectReader reader() {
		return this.reader;
	}

	int size() {
		return this.wireNames.length;
	}

	String wireName(int index) {
		return this.wireNames[index];
	}

	/** Matched case-insensitively; -1 if none. */
	int indexOfSent(String name) {
		return this.byLowerCaseWireName.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
	}

	/** By Java name, as Bean Validation names it. */
	int indexOfComponent(String name) {
		Integer index = this.byComponentName.get(name);
		if (index == null) {
			throw new IllegalStateException("No request component " + name);
		}
		return index;
	}

}
