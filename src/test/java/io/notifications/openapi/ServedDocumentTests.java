package io.notifications.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served {@code /v3/api-docs} as client generators need it: each path answers one
 * shape (but {@code {base}/}, whose two answers Nexudus clients rely on), enums are named
 * schemas, every operation names the role the server really requires, and the document
 * has its tags, licence, contact and discovery endpoints. (The test context also serves
 * the test sources' Memo resource; these tests look at the two Nexudus resources.)
 */
class ServedDocumentTests extends ApiTestSupport {

	static final Map<String, String> RESOURCES = Map.of("CoworkerNotification", "/api/spaces/coworkernotifications",
			"SystemNotification", "/api/sys/systemnotifications");

	private JsonNode document;

	@BeforeEach
	void loadTheServedDocument() {
		Response response = get("/v3/api-docs", null);
		assertThat(response.status()).isEqualTo(200);
		ObjectNode served = (ObjectNode) json(response.body());
		// the server's URL as this request reached it (springdoc's), not a property of
		// the API
		served.remove("servers");
		this.document = served;
	}

	@Test
	void theOnlyChoiceOfShapesIsTheSlashPathsAnswer() {
		ObjectNode others = (ObjectNode) this.document.deepCopy();
		// every resource's {base}/ (the test sources' Memo's too), whose answer is a
		// oneOf
		List<String> slashPaths = new ArrayList<>();
		others.get("paths").properties().forEach((path) -> {
			if (path.getKey().endsWith("/")
					&& path.getValue().get("get").get("operationId").asString().startsWith("batchRead")) {
				slashPaths.add(path.getKey());
			}
		});
		assertThat(slashPaths).hasSizeGreaterThanOrEqualTo(RESOURCES.size());
		((ObjectNode) others.get("paths")).remove(slashPaths);

		assertThat(others.toString()).doesNotContain("\"oneOf\"").doesNotContain("\"anyOf\"");
	}

	@Test
	void theListHasOnePathAndTheSlashPathDocumentsBothOfItsAnswers() {
		RESOURCES.forEach((name, base) -> {
			JsonNode list = this.document.get("paths").get(base).get("get");
			JsonNode batch = this.document.get("paths").get(base + "/").get("get");

			assertThat(list.get("operationId").asString()).isEqualTo("list" + name);
			assertThat(list.get("parameters").findValuesAsString("name")).doesNotContain("id").contains("page", "size");
			assertThat(ok(list).get("$ref").asString()).isEqualTo("#/components/schemas/ListPage" + name);
			// GET {base}/ without id lists, as Nexudus clients rely on: the id is
			// optional, and the answer is the array or the list page
			assertThat(batch.get("operationId").asString()).isEqualTo("batchRead" + name);
			assertThat(batch.get("parameters").size()).isEqualTo(1);
			assertThat(batch.get("parameters").get(0).get("name").asString()).isEqualTo("id");
			assertThat(batch.get("parameters").get(0).get("required").asBoolean()).isFalse();
			assertThat(batch.get("description").asString()).contains("Without `id`: the list page");
			assertThat(ok(batch).get("oneOf").toString()).isEqualTo("""
					[{"$ref":"#/components/schemas/%sRecords"},{"$ref":"#/components/schemas/ListPage%s"}]"""
				.formatted(name, name));
			assertThat(this.document.get("components").get("schemas").get(name + "Records").get("items").toString())
				.isEqualTo("""
						{"$ref":"#/components/schemas/%s"}""".formatted(name));
		});
	}

	/**
	 * The OpenAPI 3.0 rendering is the same document in 3.0 terms, which a 3.0 parser
	 * reads without a message.
	 */
	@Test
	void theOpenApi30RenderingIsTheDocumentIn30Terms() {
		Response response = get("/v3/api-docs/openapi-3.0.json", null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).isEqualTo("application/json");
		ObjectNode rendering = (ObjectNode) json(response.body());
		rendering.remove("servers");

		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body(), null, options);
		assertThat(parsed.getMessages()).isEmpty();
		assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
		assertThat(rendering.get("openapi").asString()).isEqualTo("3.0.3");
		String text = rendering.toString();
		assertThat(text).doesNotContain("\"type\":[").doesNotContain("\"const\"").doesNotContain("\"identifier\"");
		// every path, operation, parameter and answer, as in 3.1
		for (Map.Entry<String, JsonNode> path : this.document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				JsonNode rendered = rendering.get("paths").get(path.getKey()).get(operation.getKey());
				assertThat(rendered.get("operationId")).isEqualTo(operation.getValue().get("operationId"));
				assertThat(rendered.get("responses").propertyNames())
					.containsExactlyElementsOf(operation.getValue().get("responses").propertyNames());
				assertThat(rendered.path("parameters").findValuesAsString("name"))
					.isEqualTo(operation.getValue().path("parameters").findValuesAsString("name"));
			}
		}
		assertThat(rendering.get("components").get("schemas").propertyNames())
			.containsExactlyElementsOf(this.document.get("components").get("schemas").propertyNames());
		// a nullable property of 3.1 ("type": ["string", "null"]) as 3.0 writes it
		assertThat(rendering.get("components")
			.get("schemas")
			.get("CoworkerNotification")
			.get("properties")
			.get("SystemId")
			.toString()).contains("\"type\":\"string\"").contains("\"nullable\":true");
	}

	@Test
	void eachAnswerHasItsValueTyped() {
		RESOURCES.forEach((name, base) -> {
			JsonNode collection = this.document.get("paths").get(base);
			JsonNode one = this.document.get("paths").get(base + "/{id}");

			assertThat(ok(collection.get("put")).get("$ref").asString())
				.isEqualTo("#/components/schemas/EnvelopeRecordIdentity");
			assertThat(ok(one.get("delete")).get("$ref").asString())
				.isEqualTo("#/components/schemas/EnvelopeRecordIdentity");
			assertThat(ok(collection.get("post")).get("$ref").asString())
				.isEqualTo("#/components/schemas/Envelope" + name);
			assertThat(this.document.get("components")
				.get("schemas")
				.get("Envelope" + name)
				.get("properties")
				.get("Value")
				.toString()).isEqualTo("""
						{"$ref":"#/components/schemas/%s"}""".formatted(name));
		});
		assertThat(this.document.get("components")
			.get("schemas")
			.get("EnvelopeRecordIdentity")
			.get("properties")
			.get("Value")
			.toString()).isEqualTo("""
					{"$ref":"#/components/schemas/RecordIdentity"}""");
	}

	@Test
	void everyOperationNamesTheRoleTheServerRequires() {
		int checked = 0;
		for (Map.Entry<String, JsonNode> path : this.document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				JsonNode roles = operation.getValue().get("x-required-roles");
				// the token endpoints that a caller uses without credentials
				if (!path.getKey().startsWith("/api/") || path.getKey().equals("/api/token")
						|| path.getKey().equals("/api/token/revoke")) {
					assertThat(roles).as(path.getKey()).isNull();
					continue;
				}
				assertThat(roles).as(path.getKey()).isNotNull();
				if (RESOURCES.values().stream().noneMatch(path.getKey()::startsWith)) {
					continue;
				}
				String role = roles.get(0).asString();
				assertThat(roles.toString()).isEqualTo("""
						["%s","Administrator"]""".formatted(role));
				assertThat(operation.getValue().get("description").asString())
					.endsWith("Needs the role `" + role + "` (or `Administrator`).");

				String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
				String target = path.getKey().replace("{id}", "1") + (path.getKey().endsWith("/") ? "?id=[1]" : "");
				String[] resourceAndAction = role.split("-");
				for (String action : List.of("Edit", "Create", "Read", "List", "Delete")) {
					int status = send(method, target, "application/json", "{}",
							basic(userWith(resourceAndAction[0], action), "role-secret"))
						.status();
					if (action.equals(resourceAndAction[1])) {
						assertThat(status).as(method + " " + target + " with " + role).isNotIn(401, 403);
					}
					else {
						assertThat(status).as(method + " " + target + " with " + action).isEqualTo(403);
					}
				}
				checked++;
			}
		}
		assertThat(checked).isEqualTo(RESOURCES.size() * 6);
	}

	@Test
	void theDocumentHasTagsLicenceAndContact() {
		JsonNode info = this.document.get("info");

		assertThat(info.get("license").get("name").asString()).isNotBlank();
		assertThat(info.get("contact").get("name").asString()).isNotBlank();
		assertThat(this.document.get("tags").findValuesAsString("name")).contains("CoworkerNotification",
				"SystemNotification", "Token");
		for (JsonNode path : this.document.get("paths")) {
			for (JsonNode operation : path) {
				assertThat(operation.get("tags").size()).isEqualTo(1);
			}
		}
		assertThat(this.document.get("paths").has("/")).isFalse();
	}

	@Test
	void theProtectedResourceMetadataMatchesTheDocument() {
		Response metadata = get(DiscoveryDocumentation.PROTECTED_RESOURCE, null);
		OpenApiInteractionValidator validator = OpenApiInteractionValidator
			.createForInlineApiSpecification(get("/v3/api-docs/openapi-3.0.json", null).body())
			.build();

		assertThat(metadata.status()).isEqualTo(200);
		assertThat(metadata.json().get("resource").asString()).isEqualTo("http://localhost:" + this.port);
		ValidationReport report = validator.validateResponse(DiscoveryDocumentation.PROTECTED_RESOURCE,
				Request.Method.GET,
				SimpleResponse.Builder.status(200)
					.withContentType("application/json")
					.withBody(metadata.body())
					.build());
		List<String> errors = new ArrayList<>();
		report.getMessages().forEach((message) -> errors.add(message.getMessage()));
		assertThat(errors).isEmpty();
		assertThat(this.document.get("paths")
			.get(DiscoveryDocumentation.PROTECTED_RESOURCE)
			.get("get")
			.get("security")
			.toString()).isEqualTo("[]");
	}

	private static JsonNode ok(JsonNode operation) {
		return operation.get("responses").get("200").get("content").get("application/json").get("schema");
	}

	/**
	 * The test user with one role (application-test.properties): cn-edit@example.com, ...
	 */
	private static String userWith(String resource, String action) {
		String prefix = resource.equals("CoworkerNotification") ? "cn" : "sn";
		return prefix + "-" + action.toLowerCase(java.util.Locale.ROOT) + "@example.com";
	}

}
