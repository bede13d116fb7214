package io.notifications.openapi;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import static io.notifications.openapi.ContractDocumentation.JSON;
import static io.notifications.openapi.ContractDocumentation.typed;

/**
 * The public metadata a client discovers the server by: the issuer's keys and the RFC
 * 9728 protected-resource metadata, which Spring Security serves from a filter that
 * springdoc does not see.
 */
final class DiscoveryDocumentation {

	static final String TAG = "Token";

	static final String PROTECTED_RESOURCE = "/.well-known/oauth-protected-resource";

	private DiscoveryDocumentation() {
	}

	@SuppressWarnings("rawtypes")
	static void addTo(OpenAPI openApi) {
		PathItem jwks = openApi.getPaths().get("/.well-known/jwks.json");
		if (jwks != null && jwks.getGet() != null) {
			jwks.getGet().tags(List.of(TAG)).security(List.of()).summary("The keys that verify issued tokens");
		}
		Schema metadata = typed("object")
			.addProperty("resource",
					typed("string").format("uri").description("This server's URL, as the caller reached it."))
			.addProperty("bearer_methods_supported",
					typed("array").items(typed("string"))
						.description("Where a bearer token may travel: the Authorization header."))
			.addProperty("tls_client_certificate_bound_access_tokens", typed("boolean"))
			.addProperty("resource_name", typed("string"))
			.addProperty("authorization_servers",
					typed("array").items(typed("string").format("uri"))
						.description("The issuers whose tokens this server accepts, when one is configured."))
			.required(List.of("resource"));
		Operation get = new Operation().tags(List.of(TAG))
			.operationId("protectedResourceMetadata")
			.summary("How to get a token for this server (RFC 9728)")
			.security(List.of())
			.responses(new ApiResponses().addApiResponse("200",
					new ApiResponse().description("The protected-resource metadata.")
						.content(new Content().addMediaType(JSON, new MediaType().schema(metadata)))));
		openApi.getPaths().addPathItem(PROTECTED_RESOURCE, new PathItem().get(get));
	}

}
