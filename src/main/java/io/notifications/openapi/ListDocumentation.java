package io.notifications.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.notifications.listing.ListField;
import io.notifications.listing.Listing;
import io.notifications.resource.DeclaredResource;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import static io.notifications.openapi.ContractDocumentation.JSON;
import static io.notifications.openapi.ContractDocumentation.integer;
import static io.notifications.openapi.ContractDocumentation.typed;

/**
 * The list of one resource, on its collection path, and its batch read, on the path with
 * a slash.
 */
record ListDocumentation(OpenAPI openApi, DeclaredResource resource, List<ListField> fields) {

	/**
	 * The server also answers a batch read here (with {@code id}), which the document
	 * gives to {@code {base}/}, so that this path answers one shape.
	 */
	Operation list(Operation operation, String page) {
		String name = this.resource.name();
		operation.operationId("list" + name)
			.summary("List " + name + " records")
			.description("One page of the list. Parameter names match case-insensitively; an empty value counts "
					+ "as absent. Text filters match a part of the text, case-insensitively; the others match "
					+ "exactly; `from_` and `to_` ranges are inclusive. Dates are ISO-8601, `YYYY-MM-DDTHH:mm` "
					+ "or longer, with an offset or taken as UTC.");
		operation.setParameters(parameters());
		// generators that know it (Java's) take these many parameters as one object
		operation.addExtension("x-group-parameters", true);
		answers(operation, "One page of the list.", new Schema<>().$ref(TypedSchemas.REFS + page));
		return operation;
	}

	/** Without {@code id}, the list page: Nexudus clients send both. */
	Operation batchRead(Operation operation, String record, String page) {
		String name = this.resource.name();
		String base = this.resource.basePath();
		operation.operationId("batchRead" + name)
			.summary("Read several " + name + " records by Id (without id: the list)")
			.description("With `id`: a bare array of the records found, in the order asked for; unknown ids are "
					+ "left out. `GET " + base + "?id=[...]`, without the slash, answers the same. Without `id`: "
					+ "the list page, as `GET " + base + "` answers it, with the same parameters (`page`, `size`, "
					+ "`orderBy`, `dir` and the filters described there), for the role `" + name + "-List`.");
		operation.setParameters(new ArrayList<>(
				List.of(query("id", typed("string"), "The ids as `[1,2,3]`, brackets raw or percent-encoded, at most "
						+ Listing.MAX_IDS + ". Without it, the answer is the list page.")
					.example("[1,2,3]"))));
		// named: generators give each shape a class (Java's cannot for an inline array)
		String records = record + "Records";
		this.openApi.getComponents()
			.addSchemas(records, typed("array").items(new Schema<>().$ref(TypedSchemas.REFS + record))
				.description("The records a batch read found, in the order asked for."));
		answers(operation, "With id, the records found (an array); without, one page of the list (an object).",
				new Schema<>().oneOf(List.of(new Schema<>().$ref(TypedSchemas.REFS + records),
						new Schema<>().$ref(TypedSchemas.REFS + page))));
		return operation;
	}

	private static void answers(Operation operation, String description, Schema<?> schema) {
		operation.getResponses().clear();
		operation.getResponses()
			.addApiResponse("200", new ApiResponse().description(description)
				.content(new Content().addMediaType(JSON, new MediaType().schema(schema))));
		ErrorResponses.on(operation, 400, 401, 403, 405, 406, 429, 500, 503);
	}

	private List<io.swagger.v3.oas.models.parameters.Parameter> parameters() {
		List<io.swagger.v3.oas.models.parameters.Parameter> parameters = new ArrayList<>();
		parameters.add(query("page", integer().minimum(java.math.BigDecimal.ONE)._default(1),
				"The page, from 1. A page past the end has no records but the right counts."));
		parameters.add(query("size",
				integer().minimum(java.math.BigDecimal.ONE)
					.maximum(java.math.BigDecimal.valueOf(Listing.MAX_SIZE))
					._default(Listing.DEFAULT_SIZE),
				"Records per page."));
		parameters.add(query("orderBy", typed("string")._default("Id"),
				"Any field name of the record, case-insensitively: "
						+ String.join(", ", this.fields.stream().map(ListField::wireName).toList())
						+ ". Records with equal values follow in Id order; nulls come first in ascending order."));
		parameters.add(query("dir", typed("string")._default("1"), "1 or `Ascending`, -1 or `Descending`."));
		Map<String, String> aliases = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		this.resource.filterAliases().forEach((alias, wireName) -> aliases.put(wireName, alias));
		for (ListField field : this.fields) {
			String equality = this.resource.name() + "_" + aliases.getOrDefault(field.wireName(), field.wireName());
			parameters.add(query(equality, filterSchema(field),
					(field.kind() == ListField.Kind.TEXT)
							? "Records whose " + field.wireName() + " contains this text, case-insensitively."
							: "Records whose " + field.wireName() + " equals this value."));
			if (field.hasRange()) {
				parameters.add(query("from_" + equality, filterSchema(field),
						"Records whose " + field.wireName() + " is at least this value."));
				parameters.add(query("to_" + equality, filterSchema(field),
						"Records whose " + field.wireName() + " is at most this value."));
			}
		}
		return parameters;
	}

	private static Schema<?> filterSchema(ListField field) {
		return switch (field.kind()) {
			case NUMBER -> integer();
			case TEXT -> typed("string");
			case BOOLEAN -> typed("boolean");
			// no example: Swagger UI would fill it in, and every list tried there came
			// back empty
			case DATE_TIME -> typed("string").description("A date-time, such as `2025-01-15T10:30`.");
			case GUID -> typed("string").format("uuid");
			case ENUM -> typed("string").description("The integer value, or the name.");
		};
	}

	private static io.swagger.v3.oas.models.parameters.Parameter query(String name, Schema<?> schema,
			String description) {
		return new io.swagger.v3.oas.models.parameters.Parameter().in("query")
			.name(name)
			.required(false)
			.schema(schema)
			.description(description);
	}

}
