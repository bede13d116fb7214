package io.notifications.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import static io.notifications.openapi.ContractDocumentation.typed;

/**
 * The token endpoints: form bodies, answered in OAuth2's format rather than the envelope.
 */
final class TokenDocumentation {

	private TokenDocumentation() {
	}

	/**
	 * Springdoc would list the form body as query parameters. The examples fill Swagger
	 * UI's form, and keep generated clients and testers (Portman) from sending empty
	 * text.
	 */
	@SuppressWarnings("rawtypes")
	static void document(Operation post) {
		Schema form = typed("object")
			.addProperty("grant_type", typed("string")._enum(List.of("password", "refresh_token")))
			.addProperty("username",
					typed("string").description("the user's email, for grant_type=password")
						.example("admin@example.com"))
			.addProperty("password", typed("string").format("password").example("correct-horse"))
			.addProperty("refresh_token", typed("string").description("for grant_type=refresh_token"))
			.addProperty("totp", typed("string").description(
					"the current six-digit code, for grant_type=password by a user with two-factor authentication"))
			.addProperty("client_id", typed("string").description("accepted and not used"))
			.addProperty("client_secret", typed("string").description("accepted and not used"))
			.required(List.of("grant_type"));
		Schema tokens = typed("object").addProperty("access_token", typed("string"))
			.addProperty("token_type", typed("string")._enum(List.of("bearer")))
			.addProperty("expires_in", typed("integer"))
			.addProperty("refresh_token", typed("string"))
			.required(List.of("access_token", "token_type", "expires_in", "refresh_token"));
		Schema error = typed("object")
			.addProperty("error",
					typed("string")._enum(List.of("invalid_grant", "invalid_request", "unsupported_grant_type")))
			.addProperty("error_description", typed("string"))
			.required(List.of("error"));
		post.tags(List.of("Token"))
			.security(List.of())
			.summary("Issue a token")
			.parameters(null)
			.description("Client credentials, in the form or in a Basic header (as Swagger UI's Authorize sends "
					+ "them), are accepted and not used: Nexudus registers no clients.")
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType("application/x-www-form-urlencoded", new MediaType().schema(form))))
			.responses(
					new ApiResponses()
						.addApiResponse("200",
								new ApiResponse().description("The new access and refresh tokens")
									.content(new Content().addMediaType("application/json",
											new MediaType().schema(tokens))))
						.addApiResponse("400", new ApiResponse()
							.description("A wrong password, a used or expired refresh token, "
									+ "a body that is not a form with a known grant_type, "
									+ "or parameters in the URL instead of the form, sent twice "
									+ "or not in UTF-8 (invalid_request)")
							.content(new Content().addMediaType("application/json", new MediaType().schema(error))))
						.addApiResponse("415", new ApiResponse()
							.description("The body is in a content coding other than identity.")
							.content(new Content().addMediaType(ContractDocumentation.JSON,
									new MediaType().schema(new Schema<>().$ref(ContractDocumentation.ENVELOPE))))));
		// 429: a wrong password counts against the user and the address
		ErrorResponses.on(post, 405, 406, 408, 413, 429, 500, 503);
	}

	/**
	 * A public page still answers a bad bearer token 401; the token endpoints read no
	 * Authorization header.
	 */
	static ApiResponse badCredentials() {
		return new ApiResponse().$ref("#/components/responses/401");
	}

	/** RFC 7009: no credentials but the token itself. */
	@SuppressWarnings("rawtypes")
	static void documentRevoke(Operation post) {
		Schema form = typed("object")
			.addProperty("token",
					typed("string").description("an access token or a refresh token")
						.example("_ZS8-bAy8TNNp6Lf9o0JobUHwalxZoHR5wHL8qIx4FY"))
			.addProperty("token_type_hint",
					typed("string")._enum(List.of("access_token", "refresh_token"))
						.description("accepted and not needed"))
			.required(List.of("token"));
		post.tags(List.of("Token"))
			.security(List.of())
			.summary("Revoke a token (RFC 7009)")
			.parameters(null)
			.requestBody(formBody(form))
			.responses(
					new ApiResponses()
						.addApiResponse("200",
								new ApiResponse().description("Revoked, or nothing to revoke: the answer is "
										+ "the same whatever the token was"))
						.addApiResponse("400",
								new ApiResponse().description("No token, a parameter sent twice or a form not in UTF-8")
									.content(new Content().addMediaType("application/json",
											new MediaType().schema(oauthError()))))
						.addApiResponse("415", notAForm()));
		ErrorResponses.on(post, 405, 406, 408, 413, 429, 500, 503);
	}

	@SuppressWarnings("rawtypes")
	static void documentRevokeAll(Operation post) {
		Schema form = typed("object")
			.addProperty("user",
					typed("string").description("the email of the user whose sessions end").example("eve@example.com"))
			.required(List.of("user"));
		Schema ended = typed("object").addProperty("user", typed("string"))
			.addProperty("revoked_before",
					typed("string").format("date-time")
						.description("every access token of the user issued before this time is refused"))
			.required(List.of("user", "revoked_before"));
		post.tags(List.of("Token"))
			.summary("End every session of a user (Administrator)")
			.parameters(null)
			.description("Needs the role `Administrator`.")
			.requestBody(formBody(form))
			.addExtension("x-required-roles", List.of("Administrator"));
		post.responses(new ApiResponses())
			.getResponses()
			.addApiResponse("200",
					new ApiResponse()
						.description(
								"The user's refresh tokens are deleted and their " + "earlier access tokens refused")
						.content(new Content().addMediaType("application/json", new MediaType().schema(ended))))
			.addApiResponse("400",
					new ApiResponse().description("No user, or a parameter sent twice")
						.content(new Content().addMediaType("application/json", new MediaType().schema(oauthError()))))
			.addApiResponse("415", notAForm());
		ErrorResponses.on(post, 401, 403, 405, 406, 408, 413, 429, 500, 503);
	}

	private static ApiResponse notAForm() {
		return new ApiResponse()
			.description("The body is not a form (application/x-www-form-urlencoded), or is in a content coding "
					+ "other than identity.")
			.content(new Content().addMediaType(ContractDocumentation.JSON,
					new MediaType().schema(new Schema<>().$ref(ContractDocumentation.ENVELOPE))));
	}

	private static RequestBody formBody(Schema<?> form) {
		return new RequestBody().required(true)
			.content(new Content().addMediaType("application/x-www-form-urlencoded", new MediaType().schema(form)));
	}

	@SuppressWarnings("rawtypes")
	private static Schema oauthError() {
		return typed("object").addProperty("error", typed("string")._enum(List.of("invalid_request")))
			.addProperty("error_description", typed("string"))
			.required(List.of("error"));
	}

}
