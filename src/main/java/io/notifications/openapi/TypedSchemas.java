package io.notifications.openapi;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.notifications.listing.ListField;
import io.notifications.value.CodedEnum;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;

import static io.notifications.openapi.ContractDocumentation.integer;

/**
 * The schemas that client generators need named: one schema per coded enum, shared by
 * requests and records (so a record read by GET can be sent back as it is), and the
 * envelope with its {@code Value} typed for one kind of answer.
 */
final class TypedSchemas {

	static final String REFS = "#/components/schemas/";

	private TypedSchemas() {
	}

	/** One schema per coded enum, named after its Java type, shared by these schemas. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static void shareEnums(OpenAPI openApi, List<ListField> fields, String... schemaNames) {
		for (ListField field : fields) {
			if (field.kind() != ListField.Kind.ENUM) {
				continue;
			}
			String name = field.type().getSimpleName();
			Schema shared = enumSchema(field.type());
			Schema existing = openApi.getComponents().getSchemas().putIfAbsent(name, shared);
			if (existing != null && !existing.equals(shared)) {
				throw new IllegalStateException("Two enums are named " + name + ": rename one");
			}
			for (String schemaName : schemaNames) {
				Map<String, Schema> properties = openApi.getComponents().getSchemas().get(schemaName).getProperties();
				properties.replace(field.wireName(), new Schema<>().$ref(REFS + name));
			}
		}
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema enumSchema(Class<?> type) {
		List<Object> codes = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<String> meanings = new ArrayList<>();
		String named = null;
		for (Object constant : type.getEnumConstants()) {
			int code = ((CodedEnum) constant).code();
			String name = ((Enum<?>) constant).name();
			named = name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
			codes.add(code);
			names.add(name);
			meanings.add(code + " " + named);
		}
		Schema schema = integer().description(String.join(", ", meanings) + ". Answers carry the integer; requests "
				+ "may also send the name, case-insensitively (\"" + named + "\").");
		schema.setEnum(codes);
		schema.addExtension("x-enum-varnames", names);
		return schema;
	}

	/**
	 * What swagger-core leaves out of a request: the {@code Id} a PUT needs, and the one
	 * character a not-blank text needs ({@code @Size}'s minimum, 0, overwrites
	 * {@code @NotBlank}'s).
	 */
	@SuppressWarnings("rawtypes")
	static void requestRules(OpenAPI openApi, String schemaName, Class<? extends Record> requestType) {
		Map<String, Schema> properties = openApi.getComponents().getSchemas().get(schemaName).getProperties();
		properties.get("Id")
			.description("Required in a PUT: the Id of the record to replace, from 1 to 2147483647. A POST "
					+ "ignores it.");
		for (Field field : requestType.getDeclaredFields()) {
			if (field.isAnnotationPresent(NotBlank.class)) {
				properties.get(field.getAnnotation(JsonProperty.class).value()).setMinLength(1);
			}
		}
	}

	/** {@code Envelope<Value>}, e.g. {@code EnvelopeRecordIdentity}; answers its name. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static String envelopeOf(OpenAPI openApi, String value) {
		String name = "Envelope" + value;
		Schema envelope = openApi.getComponents().getSchemas().get("Envelope");
		Map<String, Schema> properties = new LinkedHashMap<>(envelope.getProperties());
		properties.put("Value", new Schema<>().$ref(REFS + value));
		Schema typed = ContractDocumentation.typed("object")
			.description("The envelope of a successful answer: Value is a " + value + ".");
		typed.setProperties(properties);
		typed.setRequired(new ArrayList<>(properties.keySet()));
		openApi.getComponents().addSchemas(name, typed);
		return name;
	}

}
