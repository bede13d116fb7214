package io.notifications.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.BeanUtils;
import org.springframework.stereotype.Component;

/**
 * Turns a JSON body into a request record the way Nexudus reads it, and validates it.
 * <p>
 * Jackson's data binding stops at the first property it cannot convert; Nexudus reports every
 * failing property at once, so the body is read as a tree and each record component is converted
 * on its own: property names match case-insensitively, unknown properties are ignored, and a value
 * that would lose data (a float for an int, a number for a date, NUL or a lone surrogate in a
 * string) fails its property. Bean Validation then checks the record, and the failures of both
 * steps come back in the order of the record's components.
 */
@Component
public class RequestBinder {

	private static final Pattern INTEGER_TEXT = Pattern.compile("-?\\d{1,10}");

	private final JsonMapper strictMapper = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		// raw control characters reach the per-property check, so a NUL names its property
		.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
		.build();

	private final Map<Class<?>, RecordShape> shapes = new ConcurrentHashMap<>();

	private final Validator validator;

	public RequestBinder(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Reads and validates a request record.
	 * @param ignored wire names of properties left unset whatever the body holds for them
	 * @throws UnreadableBodyException if the body is not a single JSON object
	 * @throws InvalidRequestException if any property fails
	 */
	public <T extends Record> T bind(byte[] body, Class<T> type, Set<String> ignored, Class<?>... groups) {
		ObjectNode object = readObject(body);
		RecordShape shape = this.shapes.computeIfAbsent(type, RecordShape::of);
		Map<String, JsonNode> sent = sentProperties(object, shape);
		sent.keySet().removeAll(ignored);

		List<IndexedError> errors = new ArrayList<>();
		Object[] values = new Object[shape.components().length];
		for (int i = 0; i < values.length; i++) {
			JsonNode node = sent.get(shape.names()[i]);
			try {
				values[i] = convert(node, shape.components()[i].getType());
			}
			catch (IllegalArgumentException | DateTimeException ex) {
				errors.add(new IndexedError(i, 0, new ErrorItem(node, ErrorItem.NOT_VALID, shape.names()[i])));
			}
		}
		T request = type.cast(shape.instantiate(values));

		Class<?>[] allGroups = new Class<?>[groups.length + 1];
		allGroups[0] = Default.class;
		System.arraycopy(groups, 0, allGroups, 1, groups.length);
		for (ConstraintViolation<T> violation : this.validator.validate(request, allGroups)) {
			int index = shape.indexOf(firstPropertyName(violation.getPropertyPath()));
			String name = shape.names()[index];
			String message = violation.getMessage();
			int priority = ErrorItem.REQUIRED.equals(message) ? 1 : 2;
			errors.add(new IndexedError(index, priority, new ErrorItem(sent.get(name), message, name)));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(firstPerProperty(errors));
		}
		return request;
	}

	private ObjectNode readObject(byte[] body) {
		if (!StrictUtf8.isValid(body)) {
			throw new UnreadableBodyException(UnreadableBodyException.NOT_JSON);
		}
		JsonNode tree;
		try {
			tree = this.strictMapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new UnreadableBodyException(UnreadableBodyException.NOT_JSON, ex);
		}
		if (tree instanceof ObjectNode object) {
			return object;
		}
		throw new UnreadableBodyException(UnreadableBodyException.NOT_JSON);
	}

	/** The sent values of the record's properties, keyed by their wire names. */
	private static Map<String, JsonNode> sentProperties(ObjectNode object, RecordShape shape) {
		Map<String, JsonNode> sent = new HashMap<>();
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			String name = shape.wireName(property.getKey());
			if (name != null && sent.put(name, property.getValue()) != null) {
				// "Id" and "id" in one object: the same property twice, as ambiguous as a duplicate key
				throw new UnreadableBodyException(UnreadableBodyException.NOT_JSON);
			}
		}
		return sent;
	}

	private static Object convert(JsonNode node, Class<?> type) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (type == String.class) {
			return toText(node);
		}
		if (type == Integer.class) {
			return toInteger(node);
		}
		if (type == Boolean.class) {
			return toBoolean(node);
		}
		if (type == Instant.class) {
			if (!node.isString()) {
				throw new IllegalArgumentException("Not a date-time");
			}
			return DateTimes.parse(node.asString());
		}
		if (type.isEnum() && CodedEnum.class.isAssignableFrom(type)) {
			return toCodedEnum(node, type);
		}
		throw new IllegalStateException("No JSON conversion for " + type);
	}

	private static String toText(JsonNode node) {
		if (!node.isString()) {
			throw new IllegalArgumentException("Not a string");
		}
		String text = node.asString();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				throw new IllegalArgumentException("NUL character");
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new IllegalArgumentException("Lone surrogate");
			}
		}
		return text;
	}

	private static Integer toInteger(JsonNode node) {
		if (node.isIntegralNumber()) {
			BigInteger value = node.bigIntegerValue();
			if (value.bitLength() < 32) {
				return value.intValue();
			}
			throw new IllegalArgumentException("Out of range");
		}
		if (node.isString() && INTEGER_TEXT.matcher(node.asString()).matches()) {
			long value = Long.parseLong(node.asString());
			if (value == (int) value) {
				return (int) value;
			}
		}
		throw new IllegalArgumentException("Not an integer");
	}

	private static Boolean toBoolean(JsonNode node) {
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isString()) {
			String text = node.asString().toLowerCase(Locale.ROOT);
			if (text.equals("true") || text.equals("false")) {
				return Boolean.valueOf(text);
			}
		}
		throw new IllegalArgumentException("Not a boolean");
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object toCodedEnum(JsonNode node, Class<?> type) {
		Class enumType = type;
		Object constant = null;
		if (node.isIntegralNumber() || node.isString() && INTEGER_TEXT.matcher(node.asString()).matches()) {
			Integer code = toInteger(node);
			constant = CodedEnum.fromCode(enumType, code);
		}
		else if (node.isString()) {
			constant = CodedEnum.fromName(enumType, node.asString());
		}
		if (constant == null) {
			throw new IllegalArgumentException("Not in the enum");
		}
		return constant;
	}

	private static String firstPropertyName(Path path) {
		for (Path.Node node : path) {
			if (node.getName() != null) {
				return node.getName();
			}
		}
		throw new IllegalStateException("A request constraint must name a property: " + path);
	}

	/** One error per property (a missing value outranks the rest), in the record's order. */
	private static List<ErrorItem> firstPerProperty(List<IndexedError> errors) {
		Map<Integer, ErrorItem> chosen = new LinkedHashMap<>();
		errors.stream()
			.sorted(Comparator.comparingInt(IndexedError::index).thenComparingInt(IndexedError::priority))
			.forEach((error) -> chosen.putIfAbsent(error.index(), error.item()));
		return List.copyOf(chosen.values());
	}

	private record IndexedError(int index, int priority, ErrorItem item) {
	}

	/** The components of a request record and their wire names. */
	private record RecordShape(RecordComponent[] components, String[] names, Map<String, String> byLowerCase,
			Constructor<?> constructor) {

		static RecordShape of(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			String[] names = new String[components.length];
			Map<String, String> byLowerCase = new HashMap<>();
			Class<?>[] parameterTypes = new Class<?>[components.length];
			for (int i = 0; i < components.length; i++) {
				JsonProperty property = components[i].getAccessor().getAnnotation(JsonProperty.class);
				names[i] = (property != null) ? property.value() : components[i].getName();
				byLowerCase.put(names[i].toLowerCase(Locale.ROOT), names[i]);
				parameterTypes[i] = components[i].getType();
			}
			try {
				return new RecordShape(components, names, byLowerCase, type.getDeclaredConstructor(parameterTypes));
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(ex);
			}
		}

		String wireName(String sentName) {
			return this.byLowerCase.get(sentName.toLowerCase(Locale.ROOT));
		}

		int indexOf(String componentName) {
			for (int i = 0; i < this.components.length; i++) {
				if (this.components[i].getName().equals(componentName)) {
					return i;
				}
			}
			throw new IllegalStateException("No component " + componentName);
		}

		Object instantiate(Object[] values) {
			return BeanUtils.instantiateClass(this.constructor, values);
		}

	}

}
