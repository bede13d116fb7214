package io.notifications.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.notifications.support.ApiTestSupport;
import io.notifications.support.RawHttp;
import io.notifications.support.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served {@code /v3/api-docs} against the running server: every operation of both
 * resources, successes and each kind of error, is sent for real and its response (and,
 * for successes, its request) validated against the document, so the document cannot
 * drift from the code. The validator reads OpenAPI 3.0 types only: it reads the served
 * 3.0 rendering ({@code /v3/api-docs/openapi-3.0.json}), which these answers check too.
 */
class OpenApiDocumentTests extends ApiTestSupport {

	static final String COWORKER = "/api/spaces/coworkernotifications";

	static final String SYSTEM = "/api/sys/systemnotifications";

	static final Map<String, String> VALID = Map.of(COWORKER, """
			{"CoworkerId":5,"Message":"Your invoice is ready","NotificationType":"coworkerinvoice","EntityId":42}""",
			SYSTEM, """
					{"Title":"Maintenance","Severity":3,"StartTime":"2025-01-15T10:30:00Z","ShortDescription":"Short",
					 "Description":"Long","MessageType":2,"PublishOn":"2025-01-15T10:30:00+02:00"}""");

	static final Map<String, String> RESOURCE = Map.of(COWORKER, "CoworkerNotification", SYSTEM, "SystemNotification");

	private String document;

	private OpenApiInteractionValidator validator;

	@BeforeEach
	void loadTheServedDocument() {
		Response response = get("/v3/api-docs", null);
		assertThat(response.status()).isEqualTo(200);
		this.document = response.body();
		Response rendering = get("/v3/api-docs/openapi-3.0.json", null);
		assertThat(rendering.status()).isEqualTo(200);
		this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(rendering.body()).build();
	}

	@ParameterizedTest
	@ValueSource(strings = { COWORKER, SYSTEM })
	void everySuccessfulOperationMatchesTheDocument(String base) {
		String resource = RESOURCE.get(base);
		Response created = exchange("POST", base, Map.of(), VALID.get(base), admin());
		int id = created.json().get("Value").get("Id").asInt();
		exchange("POST", base, Map.of(), VALID.get(base), admin());
		exchange("PUT", base, Map.of(), VALID.get(base).replaceFirst("\\{", "{\"Id\":" + id + ","), admin());
		exchange("GET", base + "/" + id, Map.of(), null, admin());

		Map<String, String> list = new LinkedHashMap<>();
		list.put("page", "1");
		list.put("size", "1");
		list.put("orderBy", "UpdatedOn");
		list.put("dir", "-1");
		list.put(resource + "_Id", String.valueOf(id));
		list.put("from_" + resource + "_CreatedOn", "2000-01-01T00:00");
		list.put("to_" + resource + "_Id", "2147483647");
		assertThat(exchange("GET", base, list, null, admin()).json().get("TotalItems").asInt()).isEqualTo(1);
		assertThat(exchange("GET", base, Map.of("page", "9"), null, admin()).json().get("Records").isEmpty()).isTrue();

		// the list is documented on {base}, the batch read on {base}/; the server answers
		// both on both
		String ids = "[" + id + ",987654]";
		assertThat(exchange("GET", base + "/", Map.of("id", ids), null, admin()).json().size()).isEqualTo(1);
		assertThat(get(base + queryString(Map.of("id", ids)), admin()).body())
			.isEqualTo(get(base + "/" + queryString(Map.of("id", ids)), admin()).body());
		assertThat(get(base + "/?page=9", admin()).body()).isEqualTo(get(base + "?page=9", admin()).body());
		// {base}/ documents both of its answers: with id the array, without the list page
		assertThat(exchange("GET", base + "/", Map.of(), null, admin()).json().has("Records")).isTrue();
		Response raw = RawHttp.get(this.port, base + "/?id=" + ids, admin());
		assertThat(raw.status()).isEqualTo(200);
		assertMatches(
				this.validator.validate(request("GET", base + "/", Map.of("id", ids), null, admin()), response(raw)),
				raw);

		exchange("DELETE", base + "/" + id, Map.of(), null, admin());
	}

	/**
	 * A form, as Swagger UI's form editor and curl's {@code -d} send it. The validator
	 * reads a form's values as text, which no integer enum (a system notification's
	 * Severity) matches; a coworker notification has none.
	 */
	@Test
	void aFormWriteMatchesTheDocument() {
		String form = "CoworkerId=5&Message=Your+invoice+is+ready&NotificationType=coworkerinvoice&EntityId=42";
		int id = assertFormMatches("POST", form).json().get("Value").get("Id").asInt();
		assertFormMatches("PUT", "Id=" + id + "&" + form);
	}

	private Response assertFormMatches(String method, String form) {
		String type = "application/x-www-form-urlencoded";
		Response response = send(method, COWORKER, type, form, admin());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertMatches(this.validator.validate(new SimpleRequest.Builder(method, COWORKER).withAuthorization(admin())
			.withContentType(type)
			.withBody(form)
			.build(), response(response)), response);
		return response;
	}

	/**
	 * swagger-core left both out: its {@code @Size} minimum overwrote
	 * {@code @NotBlank}'s.
	 */
	@Test
	void aRequestSaysWhichTextsNeedACharacterAndThatAPutNeedsItsId() {
		JsonNode schemas = json(this.document).get("components").get("schemas");
		JsonNode coworker = schemas.get("CoworkerNotificationRequest").get("properties");
		JsonNode system = schemas.get("SystemNotificationRequest").get("properties");

		assertThat(coworker.get("Message").get("minLength").asInt()).isEqualTo(1);
		assertThat(coworker.get("NotificationType").get("minLength").asInt()).isEqualTo(1);
		assertThat(coworker.get("SystemId").get("minLength").asInt()).isZero();
		assertThat(system.get("Title").get("minLength").asInt()).isEqualTo(1);
		assertThat(system.get("Description").get("minLength").asInt()).isEqualTo(1);
		for (JsonNode request : List.of(coworker, system)) {
			assertThat(request.get("Id").get("description").asString()).startsWith("Required in a PUT");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { COWORKER, SYSTEM })
	void everyKindOfErrorMatchesTheDocument(String base) {
		String body = VALID.get(base);
		assertError(400, "PUT", base, base, """
				{"Id":1}""", "application/json", admin());
		assertError(400, "PUT", base, base, "not json", "application/json", admin());
		assertError(400, "GET", base, base + "?size=0", null, null, admin());
		assertError(400, "GET", base + "/", base + "/?id=%5Bx%5D", null, null, admin());
		assertError(400, "GET", base + "/abc", base + "/abc", null, null, admin());
		assertError(401, "GET", base, base, null, null, null);
		assertError(401, "DELETE", base + "/1", base + "/1", null, null, "Bearer not-a-token");
		assertError(403, "GET", base, base, null, null, basic("nobody@example.com", "nobody-secret"));
		assertError(403, "POST", base, base, body, "application/json", basic("nobody@example.com", "nobody-secret"));
		assertError(404, "GET", base + "/987654", base + "/987654", null, null, admin());
		assertError(404, "DELETE", base + "/987654", base + "/987654", null, null, admin());
		assertError(404, "PUT", base, base, body.replaceFirst("\\{", "{\"Id\":987654,"), "application/json", admin());
		assertError(413, "PUT", base, base, """
				{"Pad":"%s"}""".formatted("x".repeat(1024 * 1024)), "application/json", admin());
		assertError(415, "POST", base, base, body, "text/plain", admin());
	}

	@ParameterizedTest
	@ValueSource(strings = { COWORKER, SYSTEM })
	void everyConditionalAndRetryAnswerMatchesTheDocument(String base) {
		String body = VALID.get(base);
		Response created = exchangeWithHeaders("POST", base, Map.of("Idempotency-Key", "doc-" + base), body, admin());
		int id = created.json().get("Value").get("Id").asInt();
		String tag = created.header("ETag");
		String replacement = body.replaceFirst("\\{", "{\"Id\":" + id + ",");
		Response updated = exchangeWithHeaders("PUT", base, Map.of("If-Match", tag), replacement, admin());
		String current = updated.header("ETag");
		exchangeWithHeaders("GET", base + "/" + id, Map.of("If-None-Match", tag), null, admin());

		assertAnswer(304, "GET", base + "/{id}", base + "/" + id, null, Map.of("If-None-Match", current));
		exchangeWithHeaders("GET", base + "/" + id, Map.of("If-Match", current), null, admin());
		assertAnswer(412, "GET", base + "/{id}", base + "/" + id, null, Map.of("If-Match", tag));
		assertAnswer(412, "PUT", base, base, replacement, Map.of("If-Match", tag));
		assertAnswer(412, "DELETE", base + "/{id}", base + "/" + id, null, Map.of("If-Match", tag));
		assertAnswer(422, "POST", base, base, body.replace("5", "6"), Map.of("Idempotency-Key", "doc-" + base));
		this.jdbc.update("UPDATE idempotency_keys SET response_status = NULL WHERE idempotency_key = ?", "doc-" + base);
		assertAnswer(409, "POST", base, base, body, Map.of("Idempotency-Key", "doc-" + base));
		exchangeWithHeaders("DELETE", base + "/" + id, Map.of("If-Match", current), null, admin());
	}

	/**
	 * Sends a request with headers for real and validates request and response against
	 * the document.
	 */
	private Response exchangeWithHeaders(String method, String path, Map<String, String> headers, String body,
			String authorization) {
		String contentType = (body != null) ? "application/json" : null;
		Response response = send(method, path, contentType, body, authorization, headers);
		assertThat(response.status()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
		SimpleRequest.Builder request = new SimpleRequest.Builder(method, path).withAuthorization(authorization);
		headers.forEach(request::withHeader);
		if (body != null) {
			request.withContentType("application/json").withBody(body);
		}
		assertMatches(this.validator.validate(request.build(), response(response)), response);
		return response;
	}

	private void assertAnswer(int status, String method, String path, String target, String body,
			Map<String, String> headers) {
		Response response = send(method, target, (body != null) ? "application/json" : null, body, admin(), headers);
		assertThat(response.status()).as(method + " " + target + ": " + response.body()).isEqualTo(status);
		assertMatches(this.validator.validateResponse(path, Request.Method.valueOf(method), response(response)),
				response);
		if (status == 304) {
			assertThat(response.body()).isEmpty();
		}
		else {
			assertThat(response.json().get("Status").asInt()).isEqualTo(status);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { COWORKER, SYSTEM })
	void methodNotAllowedMatchesTheDocumentedEnvelope(String base) {
		// a 405 answers a method the path does not document, so its body is checked
		// against the 405 that the path's documented operations list
		Response patch = send("PATCH", base, "application/json", VALID.get(base), admin());
		Response deleteCollection = delete(base, admin());
		Response putOne = putJson(base + "/1", VALID.get(base), admin());

		assertThat(patch.status()).isEqualTo(405);
		assertThat(deleteCollection.status()).isEqualTo(405);
		assertThat(putOne.status()).isEqualTo(405);
		assertMatches(this.validator.validateResponse(base, Request.Method.PUT, response(patch)), patch);
		assertMatches(this.validator.validateResponse(base, Request.Method.GET, response(deleteCollection)),
				deleteCollection);
		assertMatches(this.validator.validateResponse(base + "/{id}", Request.Method.GET, response(putOne)), putOne);
	}

	@Test
	void schemasUseTheWireNamesInRecordOrder() {
		JsonNode schemas = json(this.document).get("components").get("schemas");

		assertThat(schemas.get("CoworkerNotification").get("properties").propertyNames()).containsExactly("Id",
				"CoworkerId", "Message", "NotificationType", "EntityId", "IsDismissed", "SystemId", "UniqueId",
				"CreatedOn", "UpdatedOn", "UpdatedBy", "IsNew");
		assertThat(schemas.get("Envelope").get("properties").propertyNames()).containsExactly("Status", "Message",
				"Value", "OpenInDialog", "OpenInWindow", "RedirectURL", "JavaScript", "UpdatedOn", "UpdatedBy",
				"Errors", "WasSuccessful");
		assertThat(schemas.get("ErrorItem").get("properties").propertyNames()).containsExactly("AttemptedValue",
				"Message", "PropertyName");
		assertThat(schemas.get("ListPageCoworkerNotification").get("properties").propertyNames()).containsExactly(
				"Records", "CurrentPage", "CurrentPageSize", "CurrentOrderField", "CurrentSortDirection", "FirstItem",
				"LastItem", "TotalItems", "TotalPages", "HasNextPage", "HasPreviousPage", "PageNumber", "PageSize");
	}

	@Test
	void eachEnumIsOneSchemaOfItsIntegersSharedByRequestsAndRecords() {
		JsonNode schemas = json(this.document).get("components").get("schemas");

		assertThat(schemas.get("Severity").toString()).isEqualTo("""
				{"type":"integer","format":"int32","description":"1 Low, 2 Medium, 3 High. Answers carry the integer; \
				requests may also send the name, case-insensitively (\\"High\\").","enum":[1,2,3],\
				"x-enum-varnames":["LOW","MEDIUM","HIGH"]}""");
		assertThat(schemas.get("MessageType").get("enum").toString()).isEqualTo("[1,2]");
		assertThat(schemas.get("MessageType").get("x-enum-varnames").toString()).isEqualTo("""
				["ISSUE","ANNOUNCEMENT"]""");
		for (String schema : List.of("SystemNotification", "SystemNotificationRequest")) {
			JsonNode properties = schemas.get(schema).get("properties");
			assertThat(properties.get("Severity").toString()).isEqualTo("""
					{"$ref":"#/components/schemas/Severity"}""");
			assertThat(properties.get("MessageType").toString()).isEqualTo("""
					{"$ref":"#/components/schemas/MessageType"}""");
		}
	}

	@Test
	void bearerBasicAndTheTokenEndpointAreTheSecuritySchemes() {
		JsonNode root = json(this.document);
		JsonNode schemes = root.get("components").get("securitySchemes");

		assertThat(schemes.get("bearer").get("type").asString()).isEqualTo("http");
		assertThat(schemes.get("bearer").get("scheme").asString()).isEqualTo("bearer");
		assertThat(schemes.get("basic").get("scheme").asString()).isEqualTo("basic");
		assertThat(schemes.get("password").get("flows").get("password").get("tokenUrl").asString())
			.isEqualTo("/api/token");
		assertThat(root.get("security").toString()).isEqualTo("""
				[{"bearer":[]},{"basic":[]},{"password":[]}]""");
		assertThat(root.get("paths").get("/api/token").get("post").get("security").toString()).isEqualTo("[]");
	}

	@Test
	void theTokenEndpointsFormAndAnswersMatchTheDocument() {
		String form = "grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD;
		Response issued = postForm("/api/token", form);
		Request request = new SimpleRequest.Builder("POST", "/api/token")
			.withContentType("application/x-www-form-urlencoded")
			.withBody(form)
			.build();
		assertThat(issued.status()).isEqualTo(200);
		assertMatches(this.validator.validate(request, response(issued)), issued);

		for (Response refused : List.of(postForm("/api/token", "grant_type=password&username=x&password=y"),
				postForm("/api/token", "grant_type=client_credentials"),
				send("POST", "/api/token", "application/json", """
						{"grant_type":"password"}""", null))) {
			assertThat(refused.status()).isEqualTo(400);
			assertMatches(this.validator.validateResponse("/api/token", Request.Method.POST, response(refused)),
					refused);
		}
		JsonNode post = json(this.document).get("paths").get("/api/token").get("post");
		assertThat(post.has("parameters")).isFalse();
		assertThat(post.get("requestBody").get("content").has("application/x-www-form-urlencoded")).isTrue();
	}

	@Test
	void theRevocationEndpointsFormsAndAnswersMatchTheDocument() {
		String token = postForm("/api/token", "grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD)
			.json()
			.get("refresh_token")
			.asString();
		for (Response answer : List.of(postForm("/api/token/revoke", "token=" + token),
				postForm("/api/token/revoke", "token_type_hint=access_token"))) {
			assertMatches(this.validator.validateResponse("/api/token/revoke", Request.Method.POST, response(answer)),
					answer);
		}
		Response ended = send("POST", "/api/token/revoke-all", "application/x-www-form-urlencoded",
				"user=nobody@example.com", admin());
		assertThat(ended.status()).isEqualTo(200);
		assertMatches(this.validator.validateResponse("/api/token/revoke-all", Request.Method.POST, response(ended)),
				ended);
		for (String path : List.of("/api/token/revoke", "/api/token/revoke-all")) {
			JsonNode post = json(this.document).get("paths").get(path).get("post");
			assertThat(post.has("parameters")).as(path).isFalse();
			assertThat(post.get("requestBody").get("content").has("application/x-www-form-urlencoded")).as(path)
				.isTrue();
		}
	}

	@Test
	void everyOperationListsTheContractsStatusesWithTheEnvelope() {
		JsonNode root = json(this.document);
		for (String base : List.of(COWORKER, SYSTEM)) {
			JsonNode collection = root.get("paths").get(base);
			JsonNode one = root.get("paths").get(base + "/{id}");
			assertThat(collection.get("put").get("responses").propertyNames()).containsExactly("200", "400", "401",
					"403", "404", "405", "406", "408", "409", "412", "413", "415", "429", "500", "503");
			assertThat(collection.get("post").get("responses").propertyNames()).containsExactly("200", "400", "401",
					"403", "405", "406", "408", "409", "413", "415", "422", "429", "500", "503");
			assertThat(collection.get("get").get("responses").propertyNames()).containsExactly("200", "400", "401",
					"403", "405", "406", "429", "500", "503");
			assertThat(root.get("paths").get(base + "/").get("get").get("responses").propertyNames())
				.containsExactly("200", "400", "401", "403", "405", "406", "429", "500", "503");
			assertThat(one.get("get").get("responses").propertyNames()).containsExactly("200", "304", "400", "401",
					"403", "404", "405", "406", "412", "429", "500", "503");
			assertThat(one.get("delete").get("responses").propertyNames()).containsExactly("200", "400", "401", "403",
					"404", "405", "406", "409", "412", "429", "500", "503");
		}
		JsonNode paths = root.get("paths");
		// no 401: the token endpoints read no Authorization header
		assertThat(paths.get("/api/token").get("post").get("responses").propertyNames()).containsExactly("200", "400",
				"405", "406", "408", "413", "415", "429", "500", "503");
		assertThat(paths.get("/api/token/revoke").get("post").get("responses").propertyNames()).containsExactly("200",
				"400", "405", "406", "408", "413", "415", "429", "500", "503");
		assertThat(paths.get("/api/token/revoke-all").get("post").get("responses").propertyNames())
			.containsExactly("200", "400", "401", "403", "405", "406", "408", "413", "415", "429", "500", "503");
		assertThat(paths.get("/.well-known/jwks.json").get("get").get("responses").propertyNames())
			.containsExactly("200", "401", "404", "406", "429", "500");
		assertThat(paths.get("/.well-known/oauth-protected-resource").get("get").get("responses").propertyNames())
			.containsExactly("200", "404");
		JsonNode responses = root.get("components").get("responses");
		// a 406 too: errors come in JSON whatever Accept says
		for (String status : List.of("400", "401", "403", "404", "405", "406", "408", "409", "412", "413", "415", "422",
				"429", "500", "503")) {
			assertThat(
					responses.get(status).get("content").get("application/json").get("schema").get("$ref").asString())
				.isEqualTo("#/components/schemas/Envelope");
		}
		assertThat(responses.get("401").get("headers").has("WWW-Authenticate")).isTrue();
		assertThat(responses.get("405").get("headers").has("Allow")).isTrue();
		assertThat(responses.get("429").get("headers").has("Retry-After")).isTrue();
		assertThat(responses.get("503").get("headers").has("Retry-After")).isTrue();
	}

	@Test
	void theTokenEndpointsAnswersMatchTheDocumentedStatuses() {
		String noRoles = basic("nobody@example.com", "nobody-secret");
		String badToken = "Bearer not-a-token";
		String form = "application/x-www-form-urlencoded";
		// a bad bearer token is not read there
		assertAnswerTo(400, "POST", "/api/token", form, "grant_type=password", badToken);
		assertAnswerTo(200, "POST", "/api/token/revoke", form, "token=x", badToken);
		assertAnswerTo(400, "POST", "/api/token/revoke", form, "token=x&x=%zz", null);
		assertAnswerTo(415, "POST", "/api/token/revoke", "application/json", "{\"token\":\"x\"}", null);
		assertAnswerTo(401, "POST", "/api/token/revoke-all", form, "user=nobody@example.com", null);
		assertAnswerTo(403, "POST", "/api/token/revoke-all", form, "user=nobody@example.com", noRoles);
		assertAnswerTo(415, "POST", "/api/token/revoke-all", "application/json", "{}", admin());
		Response coded = send("POST", "/api/token", form, "grant_type=password", null,
				Map.of("Content-Encoding", "gzip"));
		assertThat(coded.status()).as(coded.body()).isEqualTo(415);
		assertMatches(this.validator.validateResponse("/api/token", Request.Method.POST, response(coded)), coded);
		assertAnswerTo(400, "POST", "/api/token/revoke-all", form, "user=", admin());
		assertAnswerTo(401, "GET", "/.well-known/jwks.json", null, null, badToken);
		for (String path : List.of("/api/token", "/api/token/revoke", "/api/token/revoke-all")) {
			// a method the path does not take: the 405 its operation lists
			Response get = send("GET", path, null, (String) null, admin());
			assertThat(get.status()).as(path).isEqualTo(405);
			assertMatches(this.validator.validateResponse(path, Request.Method.POST, response(get)), get);
		}
	}

	@Test
	void bothDiscoveryPathsAnswerGetAloneAndAnyOtherMethod404() {
		for (String path : List.of("/.well-known/jwks.json", DiscoveryDocumentation.PROTECTED_RESOURCE)) {
			JsonNode get = json(this.document).get("paths").get(path).get("get");
			assertThat(get.get("security").toString()).isEqualTo("[]");
			assertThat(get.get("tags").toString()).isEqualTo("[\"Token\"]");
			assertThat(get.get("description").asString()).contains("GET only");
			assertThat(json(this.document).get("paths").get(path).propertyNames()).containsExactly("get");
			Response ok = get(path, null);
			assertThat(ok.status()).isEqualTo(200);
			assertMatches(this.validator.validateResponse(path, Request.Method.GET, response(ok)), ok);
			for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
				for (String authorization : new String[] { null, admin() }) {
					Response other = send(method, path, null, (String) null, authorization);
					assertThat(other.status()).as(method + " " + path).isEqualTo(404);
					assertMatches(this.validator.validateResponse(path, Request.Method.GET, response(other)), other);
				}
			}
		}
	}

	@Test
	void anAcceptWithoutJsonIsTheDocumented406() {
		int id = exchange("POST", COWORKER, Map.of(), VALID.get(COWORKER), admin()).json()
			.get("Value")
			.get("Id")
			.asInt();
		for (String path : List.of(COWORKER, COWORKER + "/", COWORKER + "/" + id, "/.well-known/jwks.json")) {
			Response refused = send("GET", path, null, null, admin(), Map.of("Accept", "text/html"));
			assertThat(refused.status()).as(path).isEqualTo(406);
			assertThat(refused.body()).isEqualTo(
					"""
							{"Status":406,"Message":"The requested response type is not available; this API answers application/json.",\
							"Value":null,"OpenInDialog":false,"OpenInWindow":false,"RedirectURL":null,"JavaScript":null,\
							"UpdatedOn":null,"UpdatedBy":null,"Errors":[],"WasSuccessful":false}""");
			String documented = path.endsWith("/" + id) ? COWORKER + "/{id}" : path;
			assertMatches(this.validator.validateResponse(documented, Request.Method.GET, response(refused)), refused);
		}
	}

	private void assertAnswerTo(int status, String method, String path, String contentType, String body,
			String authorization) {
		Response response = send(method, path, contentType, body, authorization);
		assertThat(response.status()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
		assertMatches(this.validator.validateResponse(path, Request.Method.valueOf(method), response(response)),
				response);
	}

	/**
	 * Swagger UI's "Try it out" fills in every list parameter's example or default: the
	 * list it sends finds the records there are. The date filters' examples made it
	 * empty.
	 */
	@ParameterizedTest
	@ValueSource(strings = { COWORKER, SYSTEM })
	void aListAsSwaggerUiFillsItInFindsTheRecords(String base) {
		exchange("POST", base, Map.of(), VALID.get(base), admin());
		StringBuilder query = new StringBuilder();
		for (JsonNode parameter : json(this.document).get("paths").get(base).get("get").get("parameters")) {
			JsonNode schema = parameter.get("schema");
			JsonNode filled = parameter.has("example") ? parameter.get("example")
					: (schema.has("example") ? schema.get("example") : schema.get("default"));
			if (filled != null) {
				query.append(query.isEmpty() ? "?" : "&")
					.append(parameter.get("name").asString())
					.append('=')
					.append(java.net.URLEncoder.encode(filled.asString(), java.nio.charset.StandardCharsets.UTF_8));
			}
		}

		Response list = get(base + query, admin());

		assertThat(list.status()).as(list.body()).isEqualTo(200);
		assertThat(list.json().get("TotalItems").asInt()).as(query.toString()).isEqualTo(1);
	}

	@Test
	void theSeedsExamplesAreShown() {
		JsonNode put = json(this.document).get("paths").get(COWORKER).get("put");

		assertThat(put.get("responses")
			.get("200")
			.get("content")
			.get("application/json")
			.get("examples")
			.get("seed")
			.get("value")
			.toString()).isEqualTo("""
					{"Status":200,"Message":"CoworkerNotification was successfully updated.",\
					"Value":{"Id":1},"OpenInDialog":false,"OpenInWindow":false,"RedirectURL":null,\
					"JavaScript":null,"UpdatedOn":"2025-01-15T10:30:00Z","UpdatedBy":"admin@example.com",\
					"Errors":null,"WasSuccessful":true}""");
		assertThat(json(this.document).get("components")
			.get("responses")
			.get("400")
			.get("content")
			.get("application/json")
			.get("examples")
			.get("400")
			.get("value")
			.get("Message")
			.asString()).isEqualTo("Message: is a required field");
	}

	@Test
	void swaggerUiIsServedWithoutCredentials() {
		Response redirect = get("/swagger-ui.html", null);
		assertThat(redirect.status()).isEqualTo(302);
		String location = redirect.header("Location");

		Response page = get(location.replaceFirst("^https?://[^/]+", ""), null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Swagger UI");
		assertThat(get("/v3/api-docs/swagger-config", null).body()).contains("/v3/api-docs");
	}

	/**
	 * Sends a request for real, checks it succeeded, and validates request and response.
	 */
	private Response exchange(String method, String path, Map<String, String> query, String body,
			String authorization) {
		String contentType = (body != null) ? "application/json" : null;
		Response response = send(method, path + queryString(query), contentType, body, authorization);
		assertThat(response.status()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
		assertMatches(this.validator.validate(request(method, path, query, body, authorization), response(response)),
				response);
		return response;
	}

	/**
	 * Sends a failing request for real and validates the response against the
	 * operation's.
	 */
	private void assertError(int status, String method, String path, String target, String body, String contentType,
			String authorization) {
		Response response = send(method, target, contentType, body, authorization);
		assertThat(response.status()).as(method + " " + target + ": " + response.body()).isEqualTo(status);
		assertMatches(this.validator.validateResponse(path, Request.Method.valueOf(method), response(response)),
				response);
		assertThat(response.json().get("Status").asInt()).isEqualTo(status);
	}

	private static void assertMatches(ValidationReport report, Response response) {
		List<String> errors = new ArrayList<>();
		report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.forEach((message) -> errors.add(message.getKey() + ": " + message.getMessage()));
		assertThat(errors).as(response.status() + " " + response.body()).isEmpty();
	}

	private static Request request(String method, String path, Map<String, String> query, String body,
			String authorization) {
		SimpleRequest.Builder builder = new SimpleRequest.Builder(method, path);
		query.forEach(builder::withQueryParam);
		if (authorization != null) {
			builder.withAuthorization(authorization);
		}
		if (body != null) {
			builder.withContentType("application/json").withBody(body);
		}
		return builder.build();
	}

	private static com.atlassian.oai.validator.model.Response response(Response response) {
		SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.status()).withBody(response.body());
		response.headers().map().forEach(builder::withHeader);
		return builder.build();
	}

	private static String queryString(Map<String, String> query) {
		StringBuilder text = new StringBuilder();
		query.forEach((name, value) -> text.append(text.isEmpty() ? "?" : "&")
			.append(name)
			.append('=')
			.append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
		return text.toString();
	}

}
