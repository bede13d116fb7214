package io.notifications.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.1 document in 3.0.3 terms, for tools that read 3.0 only (dredd, older
 * generators, API gateways), less what 3.0 has no place for and no client needs. Anything
 * else 3.0 cannot say fails the conversion rather than be dropped: the tests render the
 * served document, so such a change is caught there.
 */
final class OpenApi30 {

	static final String VERSION = "3.0.3";

	/** JSON Schema keywords of 3.1 that 3.0's schema object has no form for. */
	private static final Set<String> NO_3_0_FORM = Set.of("$schema", "$id", "$anchor", "$defs", "$dynamicRef",
			"$dynamicAnchor", "prefixItems", "contains", "minContains", "maxContains", "if", "then", "else",
			"dependentRequired", "dependentSchemas", "unevaluatedItems", "unevaluatedProperties", "patternProperties",
			"propertyNames", "contentEncoding", "contentMediaType", "contentSchema");

	private static final Set<String> ONE_SCHEMA = Set.of("items", "not", "additionalProperties");

	private static final Set<String> LISTS_OF_SCHEMAS = Set.of("allOf", "anyOf", "oneOf");

	/** Data, not document: copied as they are, as are extensions. */
	private static final Set<String> DATA = Set.of("example", "examples", "default", "enum", "const", "value");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private OpenApi30() {
	}

	static String convert(String document) {
		ObjectNode root = (ObjectNode) MAPPER.readTree(document);
		root.put("openapi", VERSION);
		root.remove("jsonSchemaDialect");
		refuse(root, "webhooks", "OpenAPI 3.0 has no webhooks");
		if (root.path("components") instanceof ObjectNode components) {
			refuse(components, "pathItems", "OpenAPI 3.0 has no components.pathItems");
		}
		if (root.path("info") instanceof ObjectNode info) {
			info.remove("summary");
			if (info.path("license") instanceof ObjectNode license) {
				license.remove("identifier");
			}
		}
		document(root);
		return MAPPER.writeValueAsString(root);
	}

	/** Walks the document outside schemas, converting each schema it finds. */
	private static void document(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				String key = property.getKey();
				JsonNode value = property.getValue();
				if (DATA.contains(key) || key.startsWith("x-")) {
					continue;
				}
				if (key.equals("schema")) {
					schema(value);
				}
				else if (key.equals("schemas") && value instanceof ObjectNode schemas) {
					schemas.values().forEach(OpenApi30::schema);
				}
				else {
					document(value);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(OpenApi30::document);
		}
	}

	private static void schema(JsonNode node) {
		if (!(node instanceof ObjectNode schema)) {
			return;
		}
		for (String keyword : NO_3_0_FORM) {
			if (schema.has(keyword)) {
				throw new IllegalStateException("No OpenAPI 3.0 form for " + keyword + " in " + schema);
			}
		}
		if (schema.get("type") instanceof ArrayNode types) {
			List<String> named = new ArrayList<>();
			boolean nullable = false;
			for (JsonNode each : types) {
				if (each.asString().equals("null")) {
					nullable = true;
				}
				else {
					named.add(each.asString());
				}
			}
			if (named.size() != 1) {
				throw new IllegalStateException("No OpenAPI 3.0 form for the types " + types + " in " + schema);
			}
			schema.put("type", named.get(0));
			if (nullable) {
				schema.put("nullable", true);
			}
		}
		JsonNode constant = schema.remove("const");
		if (constant != null) {
			schema.putArray("enum").add(constant);
		}
		if (schema.get("examples") instanceof ArrayNode examples) {
			schema.remove("examples");
			if (!examples.isEmpty() && !schema.has("example")) {
				schema.set("example", examples.get(0));
			}
		}
		exclusive(schema, "exclusiveMinimum", "minimum", 1);
		exclusive(schema, "exclusiveMaximum", "maximum", -1);
		for (String keyword : ONE_SCHEMA) {
			schema(schema.get(keyword));
		}
		for (String keyword : LISTS_OF_SCHEMAS) {
			if (schema.get(keyword) instanceof ArrayNode schemas) {
				schemas.forEach(OpenApi30::schema);
			}
		}
		if (schema.get("properties") instanceof ObjectNode properties) {
			properties.values().forEach(OpenApi30::schema);
		}
	}

	/**
	 * Keeps the stricter of an exclusive and an inclusive bound.
	 * @param stricter 1 where a greater bound is the stricter (a minimum), else -1
	 */
	private static void exclusive(ObjectNode schema, String keyword, String bound, int stricter) {
		JsonNode value = schema.get(keyword);
		if (value == null || !value.isNumber()) {
			return;
		}
		JsonNode inclusive = schema.get(bound);
		if (inclusive != null && inclusive.isNumber()
				&& Integer.signum(inclusive.decimalValue().compareTo(value.decimalValue())) == stricter) {
			schema.remove(keyword);
			return;
		}
		schema.set(bound, value);
		schema.put(keyword, true);
	}

	private static void refuse(ObjectNode object, String key, String reason) {
		JsonNode value = object.get(key);
		if (value != null && !value.isEmpty()) {
			throw new IllegalStateException(reason + ": " + value);
		}
		object.remove(key);
	}

}
