package io.notifications.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.notifications.listing.ListField;
import io.notifications.listing.Listing;
import io.notifications.web.FailureMessages;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Adds to springdoc's document what the contract says of every operation: each error status with
 * the envelope, Nexudus's list parameters (read from the resources' {@link Listing}s, the code
 * that parses them), the list and batch-read answers, the seeds' examples, and which properties are
 * always present.
 */
class ContractDocumentation {

	private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	private static final String ENVELOPE = "#/components/schemas/Envelope";

	private final OpenAPI openApi;

	private final List<Listing<?, ?>> listings;

	ContractDocumentation(OpenAPI openApi, List<Listing<?, ?>> listings) {
		this.openApi = openApi;
		this.listings = listings;
	}

	void complete() {
		addErrorResponses();
		for (Listing<?, ?> listing : this.listings) {
			documentResource(listing);
		}
		PathItem token = this.openApi.getPaths().get("/api/token");
		if (token != null && token.getPost() != null) {
			documentTokenEndpoint(token.getPost());
		}
		PathItem jwks = this.openApi.getPaths().get("/.well-known/jwks.json");
		if (jwks != null && jwks.getGet() != null) {
			jwks.getGet().tags(List.of("Token")).security(List.of()).summary("The keys that verify issued tokens");
		}
		this.openApi.getComponents().getSchemas().remove("MultiValueMapStringString");
		alwaysPresent("Envelope", "ErrorItem");
	}

	/**
	 * The token endpoint reads a form body, which springdoc would list as query parameters, and
	 * answers in OAuth2's format rather than the envelope.
	 */
	@SuppressWarnings("rawtypes")
	private static void documentTokenEndpoint(Operation post) {
		Schema form = typed("object")
			.addProperty("grant_type", typed("string")._enum(List.of("password", "refresh_token")))
			.addProperty("username", typed("string").description("the user's email, for grant_type=password"))
			.addProperty("password", typed("string").format("password"))
			.addProperty("refresh_token", typed("string").description("for grant_type=refresh_token"))
			.addProperty("client_id", typed("string").description("accepted and not used"))
			.required(List.of("grant_type"));
		Schema tokens = typed("object")
			.addProperty("access_token", typed("string"))
			.addProperty("token_type", typed("string")._enum(List.of("bearer")))
			.addProperty("expires_in", typed("integer"))
			.addProperty("refresh_token", typed("string"))
			.required(List.of("access_token", "token_type", "expires_in", "refresh_token"));
		Schema error = typed("object")
			.addProperty("error", typed("string")._enum(List.of("invalid_grant", "unsupported_grant_type")))
			.addProperty("error_description", typed("string"))
			.required(List.of("error"));
		post.tags(List.of("Token")).security(List.of()).summary("Issue a token").parameters(null)
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType("application/x-www-form-urlencoded", new MediaType().schema(form))))
			.responses(new ApiResponses()
				.addApiResponse("200", new ApiResponse().description("The new access and refresh tokens")
					.content(new Content().addMediaType("application/json", new MediaType().schema(tokens))))
				.addApiResponse("400", new ApiResponse().description("A wrong password, a used or expired refresh token, "
						+ "or a body that is not a form with a known grant_type")
					.content(new Content().addMediaType("application/json", new MediaType().schema(error)))));
	}

	/** A schema of one JSON type, written as OpenAPI 3.1 writes types. */
	@SuppressWarnings("rawtypes")
	private static Schema typed(String type) {
		return new Schema<>().types(Set.of(type));
	}

	/**
	 * A property that may be null gets a {@code "null"} type. References are left alone: no
	 * nested object of these records is ever null, and an array's items come here too.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Schema nullable(Schema property) {
		if (property.get$ref() != null) {
			return property;
		}
		Set<String> types = new LinkedHashSet<>();
		if (property.getTypes() != null) {
			types.addAll(property.getTypes());
		}
		else if (property.getType() != null) {
			types.add(property.getType());
		}
		if (types.isEmpty()) {
			return property;
		}
		types.add("null");
		property.setTypes(types);
		if (property.getEnum() != null && !property.getEnum().contains(null)) {
			property.getEnum().add(null);
		}
		return property;
	}

	private void documentResource(Listing<?, ?> listing) {
		String resource = listing.resource();
		String base = listing.basePath();
		String record = schemaNameOf(listing.recordType());
		alwaysPresent(record, "ListPage" + record);
		enumsMayBeNamed(listing);
		PathItem collection = this.openApi.getPaths().get(base);
		PathItem collectionSlash = this.openApi.getPaths().get(base + "/");
		PathItem one = this.openApi.getPaths().get(base + "/{id}");

		Operation update = collection.getPut();
		update.operationId("update" + resource).summary("Update a " + resource).description(
				"Replaces the whole record: optional fields left out are cleared. The Id in the body locates it.");
		requestExample(update, """
				{"Id":87654321,%s}""".formatted(exampleFields(resource)));
		successExample(update, "200", envelopeExample(resource + " was successfully updated.", "{\"Id\":87654321}"));
		errors(update, 400, 401, 403, 404, 405, 409, 413, 415, 429, 500);

		Operation create = collection.getPost();
		create.operationId("create" + resource).summary("Create a " + resource)
			.description("Answers the whole new record in the envelope's Value.");
		requestExample(create, "{" + exampleFields(resource) + "}");
		errors(create, 400, 401, 403, 405, 413, 415, 429, 500);

		documentCollectionGet(collection.getGet(), listing, record, "");
		documentCollectionGet(collectionSlash.getGet(), listing, record, "Slash");

		Operation read = one.getGet();
		read.operationId("read" + resource).summary("Read one " + resource);
		errors(read, 400, 401, 403, 404, 405, 429, 500);

		Operation delete = one.getDelete();
		delete.operationId("delete" + resource).summary("Delete a " + resource)
			.description("UpdatedOn and UpdatedBy of the answer are the time of the deletion and the caller.");
		successExample(delete, "200", envelopeExample(resource + " was successfully deleted.", "{\"Id\":87654321}"));
		errors(delete, 400, 401, 403, 404, 405, 409, 429, 500);

		for (PathItem path : List.of(collection, collectionSlash, one)) {
			path.readOperations().forEach((operation) -> operation.tags(List.of(resource)));
		}
	}

	/**
	 * Requests may name an enum's value instead of giving its integer (the contract's
	 * {@code "High"}); answers always carry the integer.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void enumsMayBeNamed(Listing<?, ?> listing) {
		Schema<?> request = this.openApi.getComponents().getSchemas().get(listing.resource() + "Request");
		for (ListField field : listing.fields()) {
			Schema integers = (request != null) ? request.getProperties().get(field.wireName()) : null;
			if (field.kind() != ListField.Kind.ENUM || integers == null) {
				continue;
			}
			List<Object> names = new ArrayList<>();
			for (Object constant : field.type().getEnumConstants()) {
				String name = ((Enum<?>) constant).name();
				names.add(name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT));
			}
			Schema named = new Schema<>().types(Set.of("string"))
				.description("The name instead of the integer, case-insensitively.");
			named.setEnum(names);
			request.getProperties().put(field.wireName(), new Schema<>().anyOf(List.of(integers, named)));
		}
	}

	private void documentCollectionGet(Operation operation, Listing<?, ?> listing, String record, String suffix) {
		String resource = listing.resource();
		operation.operationId("list" + resource + suffix)
			.summary("List " + resource + " records, or read several by id")
			.description("With `id` (`[1,2,3]`, brackets raw or percent-encoded) the answer is a bare array of "
					+ "the records found, in the order asked for, unknown ids left out (needs " + resource
					+ "-Read), and the other parameters are ignored. Without it, one page of the list (needs "
					+ resource + "-List). Parameter names match case-insensitively; an empty value counts as "
					+ "absent. Text filters match a part of the text, case-insensitively; the others match "
					+ "exactly; `from_` and `to_` ranges are inclusive. Dates are ISO-8601, `YYYY-MM-DDTHH:mm` "
					+ "or longer, with an offset or taken as UTC.");
		List<Parameter> parameters = new ArrayList<>();
		parameters.add(query("id", new Schema<>().types(Set.of("string")).example("[1,2,3]"),
				"Batch read: the ids as `[1,2,3]`, at most " + Listing.MAX_IDS + "."));
		parameters.add(query("page", integer().minimum(java.math.BigDecimal.ONE)._default(1),
				"The page, from 1. A page past the end has no records but the right counts."));
		parameters.add(query("size",
				integer().minimum(java.math.BigDecimal.ONE)
					.maximum(java.math.BigDecimal.valueOf(Listing.MAX_SIZE))
					._default(Listing.DEFAULT_SIZE),
				"Records per page."));
		parameters.add(query("orderBy", new Schema<>().types(Set.of("string"))._default("Id"),
				"Any field name of the record, case-insensitively: "
						+ String.join(", ", listing.fields().stream().map(ListField::wireName).toList())
						+ ". Records with equal values follow in Id order; nulls come first in ascending order."));
		parameters.add(query("dir", new Schema<>().types(Set.of("string"))._default("1"),
				"1 or `Ascending`, -1 or `Descending`."));
		Map<String, String> aliases = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		listing.aliases().forEach((alias, wireName) -> aliases.put(wireName, alias));
		for (ListField field : listing.fields()) {
			String name = aliases.getOrDefault(field.wireName(), field.wireName());
			String equality = resource + "_" + name;
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
		operation.setParameters(parameters);

		Schema<?> page = new Schema<>().$ref("ListPage" + record);
		Schema<?> array = new Schema<>().types(Set.of("array")).items(new Schema<>().$ref(record));
		ApiResponse ok = new ApiResponse().description("One page of the list; with `id`, a bare array of records.")
			.content(new Content().addMediaType(JSON,
					new MediaType().schema(new Schema<>().oneOf(List.of(page, array)))));
		operation.setResponses(new ApiResponses().addApiResponse("200", ok));
		errors(operation, 400, 401, 403, 405, 429, 500);
	}

	private static Schema<?> filterSchema(ListField field) {
		return switch (field.kind()) {
			case NUMBER -> integer();
			case TEXT -> new Schema<>().types(Set.of("string"));
			case BOOLEAN -> new Schema<>().types(Set.of("boolean"));
			case DATE_TIME -> new Schema<>().types(Set.of("string")).example("2025-01-15T10:30");
			case GUID -> new Schema<>().types(Set.of("string")).format("uuid");
			case ENUM -> new Schema<>().types(Set.of("string"))
				.description("The integer value, or the name.");
		};
	}

	private static Schema<?> integer() {
		return new Schema<>().types(Set.of("integer")).format("int32");
	}

	private static Parameter query(String name, Schema<?> schema, String description) {
		return new Parameter().in("query").name(name).required(false).schema(schema).description(description);
	}

	/** Every property of these schemas is always present in the JSON (their records say ALWAYS). */
	private void alwaysPresent(String... names) {
		for (String name : names) {
			Schema<?> schema = this.openApi.getComponents().getSchemas().get(name);
			if (schema == null) {
				throw new IllegalStateException("No schema " + name + " in the document");
			}
			schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
		}
	}

	private void addErrorResponses() {
		for (int status : new int[] { 400, 401, 403, 404, 405, 409, 413, 415, 429, 500 }) {
			ApiResponse response = new ApiResponse().description(describe(status))
				.content(new Content().addMediaType(JSON, new MediaType().schema(new Schema<>().$ref(ENVELOPE))
					.addExamples(String.valueOf(status), new Example().value(json(errorExample(status))))));
			switch (status) {
				case 401 -> response.addHeaderObject("WWW-Authenticate",
						new Header().description("The Bearer challenge of RFC 6750.")
							.schema(new Schema<>().types(Set.of("string"))));
				case 405 -> response.addHeaderObject("Allow", new Header().description("The methods of this path.")
					.schema(new Schema<>().types(Set.of("string"))));
				case 429 -> response.addHeaderObject("Retry-After",
						new Header().description("Seconds to wait.").schema(integer()));
				default -> {
				}
			}
			this.openApi.getComponents().addResponses(String.valueOf(status), response);
		}
	}

	private static String describe(int status) {
		return switch (status) {
			case 400 -> "A property or parameter is not valid, or the body is not JSON. Every failing property is "
					+ "listed in Errors, in record order; nothing was changed.";
			case 401 -> "No or bad credentials.";
			case 403 -> "Authenticated, but without the role this operation needs.";
			case 404 -> "No record has this Id.";
			case 405 -> "This path does not take this method.";
			case 409 -> "The record was changed by another request at the same time.";
			case 413 -> "The body is over 1 MiB.";
			case 415 -> "The body is not application/json.";
			case 429 -> "Too many requests.";
			default -> "An unexpected failure.";
		};
	}

	private static String errorExample(int status) {
		return switch (status) {
			case 400 -> failure(400, "Message: is a required field",
					"[{\"AttemptedValue\":null,\"Message\":\"is a required field\",\"PropertyName\":\"Message\"}]");
			case 404 -> failure(404, "Id: was not found",
					"[{\"AttemptedValue\":87654321,\"Message\":\"was not found\",\"PropertyName\":\"Id\"}]");
			case 429 -> failure(429, "Wait 30 seconds before accessing this url again.", "[]");
			default -> failure(status, FailureMessages.forStatus(status), "[]");
		};
	}

	private static String failure(int status, String message, String errors) {
		return "{\"Status\":" + status + ",\"Message\":\"" + message + "\",\"Value\":null,\"OpenInDialog\":false,"
				+ "\"OpenInWindow\":false,\"RedirectURL\":null,\"JavaScript\":null,\"UpdatedOn\":null,"
				+ "\"UpdatedBy\":null,\"Errors\":" + errors + ",\"WasSuccessful\":false}";
	}

	private static String envelopeExample(String message, String value) {
		return "{\"Status\":200,\"Message\":\"" + message + "\",\"Value\":" + value + ",\"OpenInDialog\":false,"
				+ "\"OpenInWindow\":false,\"RedirectURL\":null,\"JavaScript\":null,"
				+ "\"UpdatedOn\":\"2025-01-15T10:30:00Z\",\"UpdatedBy\":\"admin@example.com\",\"Errors\":null,"
				+ "\"WasSuccessful\":true}";
	}

	/** The seeds' request fields, with values that pass validation. */
	private static String exampleFields(String resource) {
		return resource.equals("CoworkerNotification")
				? "\"CoworkerId\":5,\"Message\":\"Your invoice is ready\",\"NotificationType\":\"coworkerinvoice\","
						+ "\"EntityId\":42"
				: "\"Title\":\"Scheduled maintenance\",\"Severity\":2,\"StartTime\":\"2025-01-15T10:30:00Z\","
						+ "\"ShortDescription\":\"The dashboard is read-only for an hour.\","
						+ "\"Description\":\"We upgrade the database on Sunday.\",\"MessageType\":2";
	}

	private static void requestExample(Operation operation, String body) {
		operation.getRequestBody().getContent().get(JSON).addExamples("seed", new Example().value(json(body)));
	}

	private static void successExample(Operation operation, String status, String body) {
		ApiResponse response = operation.getResponses().get(status);
		response.setContent(new Content().addMediaType(JSON, new MediaType().schema(new Schema<>().$ref(ENVELOPE))
			.addExamples("seed", new Example().value(json(body)))));
	}

	private static void errors(Operation operation, int... statuses) {
		for (int status : statuses) {
			operation.getResponses()
				.addApiResponse(String.valueOf(status),
						new ApiResponse().$ref("#/components/responses/" + status));
		}
	}

	private String schemaNameOf(Class<?> type) {
		io.swagger.v3.oas.annotations.media.Schema annotation = type
			.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
		return (annotation != null && !annotation.name().isEmpty()) ? annotation.name() : type.getSimpleName();
	}

	private static Object json(String text) {
		try {
			return Json.mapper().readTree(text);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
