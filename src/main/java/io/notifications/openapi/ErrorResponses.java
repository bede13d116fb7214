package io.notifications.openapi;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.notifications.resource.ResourceController;
import io.notifications.web.FailureMessages;
import io.notifications.web.PayloadTooLargeException;
import io.notifications.web.RequestBodies;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The contract's error answers, each the envelope with an example, as shared responses
 * that every operation refers to.
 */
final class ErrorResponses {

	static final int[] STATUSES = { 400, 401, 403, 404, 405, 406, 408, 409, 412, 413, 415, 422, 429, 500, 503 };

	private ErrorResponses() {
	}

	static void addTo(OpenAPI openApi) {
		for (int status : STATUSES) {
			ApiResponse response = new ApiResponse().description(describe(status));
			response.content(new Content().addMediaType(ContractDocumentation.JSON,
					new MediaType().schema(new Schema<>().$ref(ContractDocumentation.ENVELOPE))
						.addExamples(String.valueOf(status),
								new Example().value(ContractDocumentation.json(example(status))))));
			switch (status) {
				case 401 -> response.addHeaderObject("WWW-Authenticate",
						new Header()
							.description("Two fields: the Bearer challenge of RFC 6750, then a Basic challenge.")
							.schema(text()));
				case 405 -> response.addHeaderObject("Allow",
						new Header().description("The methods of this path.").schema(text()));
				case 429, 503 -> response.addHeaderObject("Retry-After",
						new Header().description("Seconds to wait.").schema(ContractDocumentation.integer()));
				default -> {
				}
			}
			openApi.getComponents().addResponses(String.valueOf(status), response);
		}
	}

	static void on(Operation operation, int... statuses) {
		for (int status : statuses) {
			operation.getResponses()
				.addApiResponse(String.valueOf(status), new ApiResponse().$ref("#/components/responses/" + status));
		}
		sort(operation);
	}

	/** By status, as a reader looks them up. */
	static void sort(Operation operation) {
		Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
		operation.getResponses().clear();
		sorted.forEach(operation.getResponses()::addApiResponse);
	}

	private static Schema<?> text() {
		return new Schema<>().types(Set.of("string"));
	}

	private static String describe(int status) {
		return switch (status) {
			case 400 -> "A property or parameter is not valid, or the body is not JSON. Every failing property is "
					+ "listed in Errors, in record order; nothing was changed.";
			case 401 -> "No or bad credentials.";
			case 403 -> "Authenticated, but without the role this operation needs.";
			case 404 -> "No record has this Id. A new server has none until a create (POST) makes one: the Id to use "
					+ "is the Value.Id of its answer.";
			case 405 -> "This path does not take this method.";
			case 406 -> "The Accept header excludes application/json, the only type this API answers. The envelope "
					+ "still comes in JSON, as every error does.";
			case 408 -> "The body did not arrive in time (a slow or stalled sender). Nothing was changed.";
			case 409 -> "The record was changed by another request at the same time; or, for a create with an "
					+ "Idempotency-Key, the key's first request has not been answered yet.";
			case 412 -> "The record no longer has the tag sent in If-Match (someone else changed or deleted it since "
					+ "it was read), or has one that If-None-Match names. Nothing was changed.";
			case 422 -> "The Idempotency-Key was already used, by this caller, for a different request. Nothing was "
					+ "created.";
			case 413 -> "The body is over " + PayloadTooLargeException.describe(RequestBodies.MAX_BODY_BYTES) + ".";
			case 415 -> "The body is neither JSON nor a form, or is in a content coding other than identity.";
			case 429 -> "Too many requests.";
			case 503 -> "The database cannot be reached, or the server is busy receiving other bodies. Nothing was "
					+ "changed; try again after Retry-After.";
			default -> "An unexpected failure.";
		};
	}

	private static String example(int status) {
		return switch (status) {
			case 400 -> failure(400, "Message: is a required field", """
					[{"AttemptedValue":null,"Message":"is a required field","PropertyName":"Message"}]""");
			case 404 -> failure(404, "Id: was not found", """
					[{"AttemptedValue":87654321,"Message":"was not found","PropertyName":"Id"}]""");
			case 412 -> failure(412, "Id: " + ResourceController.MODIFIED, """
					[{"AttemptedValue":"\\"87654321-2\\"","Message":"%s","PropertyName":"Id"}]"""
				.formatted(ResourceController.MODIFIED));
			case 422 -> failure(422, ResourceController.KEY_REUSED, "[]");
			case 413 -> failure(413, new PayloadTooLargeException(RequestBodies.MAX_BODY_BYTES).getMessage(), "[]");
			case 429 -> failure(429, "Wait 30 seconds before accessing this url again.", "[]");
			case 408 -> failure(408, "The request was not received in time.", "[]");
			case 503 -> failure(503, "The database is unavailable. Try again shortly.", "[]");
			default -> failure(status, FailureMessages.forStatus(status), "[]");
		};
	}

	private static String failure(int status, String message, String errors) {
		return """
				{"Status":%d,"Message":"%s","Value":null,"OpenInDialog":false,"OpenInWindow":false,\
				"RedirectURL":null,"JavaScript":null,"UpdatedOn":null,"UpdatedBy":null,"Errors":%s,\
				"WasSuccessful":false}""".formatted(status, message, errors);
	}

}
