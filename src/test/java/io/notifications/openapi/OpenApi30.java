package io.notifications.openapi;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites the served OpenAPI 3.1 document in 3.0 terms for swagger-request-validator,
 * whose JSON Schema engine (draft 4) silently skips 3.1's {@code "type": [...]} arrays
 * and so would check no types at all. Only the 3.1 forms this document uses are
 * rewritten, one for one: a type array with {@code "null"} becomes the type with
 * {@code nullable: true}, and numeric {@code exclusiveMinimum}/{@code exclusiveMaximum}
 * become their 3.0 boolean form, and the licence's SPDX {@code identifier} is left out.
 * Any other type array fails the conversion rather than be dropped.
 */
final class OpenApi30 {

	private OpenApi30() {
	}

	static String convert(String document) {
		ObjectNode root = (ObjectNode) ApiJson.read(document);
		root.put("openapi", "3.0.3");
		// 3.0 has no SPDX identifier for the licence; it describes nothing that is
		// validated
		if (root.path("info").path("license") instanceof ObjectNode license) {
			license.remove("identifier");
		}
		rewrite(root);
		return root.toString();
	}

	private static void rewrite(JsonNode node) {
		if (node instanceof ObjectNode object) {
			JsonNode type = object.get("type");
			if (type instanceof ArrayNode types) {
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
					throw new IllegalStateException("No OpenAPI 3.0 form for " + object);
				}
				object.put("type", named.get(0));
				if (nullable) {
					object.put("nullable", true);
				}
			}
			exclusive(object, "exclusiveMinimum", "minimum");
			exclusive(object, "exclusiveMaximum", "maximum");
			object.values().forEach(OpenApi30::rewrite);
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(OpenApi30::rewrite);
		}
	}

	private static void exclusive(ObjectNode object, String keyword, String bound) {
		JsonNode value = object.get(keyword);
		if (value != null && value.isNumber()) {
			object.set(bound, value);
			object.put(keyword, true);
		}
	}

	/** Reads JSON for the conversion. */
	private static final class ApiJson {

		private static final tools.jackson.databind.json.JsonMapper MAPPER = tools.jackson.databind.json.JsonMapper
			.builder()
			.build();

		static JsonNode read(String text) {
			return MAPPER.readTree(text);
		}

	}

}
