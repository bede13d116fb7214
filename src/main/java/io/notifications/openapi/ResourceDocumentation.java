package io.notifications.openapi;

import java.util.List;

import io.notifications.listing.ListField;
import io.notifications.listing.ListPage;
import io.notifications.listing.Listing;
import io.notifications.resource.DeclaredResource;
import io.notifications.resource.ResourceController;
import io.notifications.web.RecordIdentity;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

import org.springframework.http.HttpHeaders;

import static io.notifications.openapi.ContractDocumentation.JSON;
import static io.notifications.openapi.ContractDocumentation.json;
import static io.notifications.openapi.ContractDocumentation.typed;
import static org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE;

/**
 * One resource's entry, from its {@link DeclaredResource}: the shared controller's
 * generic signatures tell springdoc nothing of its schemas.
 */
final class ResourceDocumentation {

	/** The Id of the examples: the first record created on a new server. */
	private static final String EXAMPLE_ID = "1";

	private final OpenAPI openApi;

	private final DeclaredResource resource;

	private final List<ListField> fields;

	ResourceDocumentation(OpenAPI openApi, DeclaredResource resource) {
		this.openApi = openApi;
		this.resource = resource;
		this.fields = Listing.fieldsOf(resource.recordType());
	}

	void complete() {
		String name = this.resource.name();
		String base = this.resource.basePath();
		String request = addSchemas(this.resource.requestType());
		TypedSchemas.requestRules(this.openApi, request, this.resource.requestType());
		String record = addSchemas(this.resource.recordType());
		String page = addSchemas(
				Json.mapper().getTypeFactory().constructParametricType(ListPage.class, this.resource.recordType()));
		String identity = addSchemas(RecordIdentity.class);
		ContractDocumentation.alwaysPresent(this.openApi, record, page, identity);
		TypedSchemas.shareEnums(this.openApi, this.fields, request, record);
		String identified = TypedSchemas.envelopeOf(this.openApi, identity);
		PathItem collection = this.openApi.getPaths().get(base);
		PathItem collectionSlash = this.openApi.getPaths().get(base + "/");
		PathItem one = this.openApi.getPaths().get(base + "/{id}");

		Operation update = collection.getPut()
			.operationId("update" + name)
			.summary("Update a " + name)
			.description("Replaces the whole record: optional fields left out are cleared. The Id in the body locates "
					+ "it. **Create the record first** on a new server, which has none: the example updates record "
					+ EXAMPLE_ID + ", the first one a create (POST) makes, and a create answers the Id of its record "
					+ "in Value.Id.");
		body(update, request, "{\"Id\":" + EXAMPLE_ID + "," + this.resource.example() + "}",
				"Record " + EXAMPLE_ID + ", once a create has made it");
		successExample(update, identified,
				envelopeExample(name + " was successfully updated.", "{\"Id\":" + EXAMPLE_ID + "}"));
		ifMatch(update);
		tagged(update, "The record's new tag.");
		ErrorResponses.on(update, 400, 401, 403, 404, 405, 406, 408, 409, 412, 413, 415, 429, 500, 503);

		Operation create = collection.getPost()
			.operationId("create" + name)
			.summary("Create a " + name)
			.description("Answers the whole new record in the envelope's Value.");
		body(create, request, "{" + this.resource.example() + "}", "A new record");
		create.getResponses()
			.get("200")
			.setContent(new Content().addMediaType(JSON, new MediaType()
				.schema(new Schema<>().$ref(TypedSchemas.REFS + TypedSchemas.envelopeOf(this.openApi, record)))));
		create.addParametersItem(header(ResourceController.IDEMPOTENCY_KEY, "Makes a retry safe: a repeat of this "
				+ "request with the same key (per caller, kept 24 h by default) gets the first answer again and "
				+ "creates nothing; the key with another request gets 422, a repeat while the first is unanswered 409."));
		tagged(create, "The new record's tag.");
		ErrorResponses.on(create, 400, 401, 403, 405, 406, 408, 409, 413, 415, 422, 429, 500, 503);

		ListDocumentation lists = new ListDocumentation(this.openApi, this.resource, this.fields);
		lists.list(collection.getGet(), page);
		lists.batchRead(collectionSlash.getGet(), record, page);

		Operation read = one.getGet()
			.operationId("read" + name)
			.summary("Read one " + name)
			.description("The example reads record " + EXAMPLE_ID + ", the first one a create (POST) makes.");
		read.getResponses()
			.get("200")
			.setContent(new Content().addMediaType(JSON,
					new MediaType().schema(new Schema<>().$ref(TypedSchemas.REFS + record))));
		read.addParametersItem(header(HttpHeaders.IF_NONE_MATCH,
				"A tag of this record, as ETag gave it: 304 with no body while the record still has it."));
		tagged(read, "The record's tag, for If-Match and If-None-Match.");
		read.getResponses()
			.addApiResponse("304",
					new ApiResponse().description("The record still has the tag sent in If-None-Match; no body.")
						.addHeaderObject(HttpHeaders.ETAG, etag("The record's tag.")));
		ifMatch(read);
		ErrorResponses.on(read, 400, 401, 403, 404, 405, 406, 412, 429, 500, 503);

		Operation delete = one.getDelete()
			.operationId("delete" + name)
			.summary("Delete a " + name)
			.description("UpdatedOn and UpdatedBy of the answer are the time of the deletion and the caller. The "
					+ "example deletes record " + EXAMPLE_ID + ", the first one a create (POST) makes.");
		successExample(delete, identified,
				envelopeExample(name + " was successfully deleted.", "{\"Id\":" + EXAMPLE_ID + "}"));
		ifMatch(delete);
		ErrorResponses.on(delete, 400, 401, 403, 404, 405, 406, 409, 412, 429, 500, 503);

		for (PathItem path : List.of(collection, collectionSlash, one)) {
			path.readOperations().forEach((operation) -> operation.tags(List.of(name)));
		}
		one.readOperations()
			.forEach((operation) -> operation.getParameters()
				.stream()
				.filter((parameter) -> "id".equals(parameter.getName()))
				.forEach((parameter) -> parameter.example(Integer.parseInt(EXAMPLE_ID))));
	}

	/** With the types it refers to; answers its name. */
	private String addSchemas(java.lang.reflect.Type type) {
		var resolved = ModelConverters.getInstance(true)
			.resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
		resolved.referencedSchemas
			.forEach((schemaName, schema) -> this.openApi.getComponents().addSchemas(schemaName, schema));
		return resolved.schema.get$ref().substring("#/components/schemas/".length());
	}

	private static void ifMatch(Operation operation) {
		operation.addParametersItem(header(HttpHeaders.IF_MATCH, "The record's tag, as ETag gave it: the request "
				+ "is carried out only if the record still has it, else 412 and nothing changes. * requires only that "
				+ "the record exists."));
	}

	private static void tagged(Operation operation, String description) {
		operation.getResponses().get("200").addHeaderObject(HttpHeaders.ETAG, etag(description));
	}

	private static Header etag(String description) {
		return new Header().description(description + " A strong tag made of the Id and the version, e.g. \"17-3\".")
			.schema(typed("string"));
	}

	private static Parameter header(String name, String description) {
		return new HeaderParameter().name(name).required(false).description(description).schema(typed("string"));
	}

	/**
	 * Swagger UI offers the example by its summary, as Try it out's first body. JSON
	 * comes first: generators send the first type they are given.
	 */
	private static void body(Operation operation, String schema, String example, String summary) {
		operation.requestBody(new RequestBody().required(true)
			.content(new Content()
				.addMediaType(JSON,
						new MediaType().schema(new Schema<>().$ref(schema))
							.addExamples("seed", new Example().summary(summary).value(json(example))))
				.addMediaType(APPLICATION_FORM_URLENCODED_VALUE, new MediaType().schema(new Schema<>().$ref(schema)))));
	}

	private static void successExample(Operation operation, String envelope, String body) {
		operation.getResponses()
			.get("200")
			.setContent(new Content().addMediaType(JSON,
					new MediaType().schema(new Schema<>().$ref(TypedSchemas.REFS + envelope))
						.addExamples("seed", new Example().value(json(body)))));
	}

	private static String envelopeExample(String message, String value) {
		return """
				{"Status":200,"Message":"%s","Value":%s,"OpenInDialog":false,"OpenInWindow":false,\
				"RedirectURL":null,"JavaScript":null,"UpdatedOn":"2025-01-15T10:30:00Z",\
				"UpdatedBy":"admin@example.com","Errors":null,"WasSuccessful":true}""".formatted(message, value);
	}

}
