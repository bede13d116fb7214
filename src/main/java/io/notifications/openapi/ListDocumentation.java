package io.notifications.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.notifications.listing.ListField;
import io.notifications.listing.Listing;
import io.notifications.resource.ApiResource;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import static io.notifications.openapi.ContractDocumentation.JSON;
import static io.notifications.openapi.ContractDocumentation.integer;
import static io.notifications.openapi.ContractDocumentation.typed;

/** The list and batch-read parameters of one collection path. */
record ListDocumentation(ApiResource<?, ?, ?> resource, List<ListField> fields) {

	void document(Operation operation, String record, String page, String suffix) {
		String name = this.resource.name();
		operation.operationId("list" + name + suffix)
			.summary("List " + name + " records, or read several by id")
			.description("With `id` (`[1,2,3]`, brackets raw or percent-encoded) the answer is a bare array of "
					+ "the records found, in the order asked for, unknown ids left out (needs " + name
					+ "-Read), and the other parameters are ignored. Without it, one page of the list (needs "
					+ name + "-List). Parameter names match case-insensitively; an empty value counts as "
					+ "absent. Text filters match a part of the text, case-insensitively; the others match "
					+ "exactly; `from_` and `to_` ranges are inclusive. Dates are ISO-8601, `YYYY-MM-DDTHH:mm` "
					+ "or longer, with an offset or taken as UTC.");
		operation.setParameters(parameters());
		Schema<?> array = typed("array").items(new Schema<>().$ref(record));
		ApiResponse ok = new ApiResponse().description("One page of the list; with `id`, a bare array of records.")
			.content(new Content().addMediaType(JSON,
					new MediaType().schema(new Schema<>().oneOf(List.of(new Schema<>().$ref(page), array)))));
		operation.getResponses().clear();
		operation.getResponses().addApiResponse("200", ok);
		ErrorResponses.on(operation, 400, 401, 403, 405, 429, 500);
	}

	private List<io.swagger.v3.oas.models.parameters.Parameter> parameters() {
		List<io.swagger.v3.oas.models.parameters.Parameter> parameters = new ArrayList<>();
		parameters.add(query("id", typed("string").example("[1,2,3]"),
				"Batch read: the ids as `[1,2,3]`, at most " + Listing.MAX_IDS + "."));
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
			parameters.add(query(equality, filterSchema(field), (field.kind() == ListField.Kind.TEXT)
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
			case DATE_TIME -> typed("string").example("2025-01-15T10:30");
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
