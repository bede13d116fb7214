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
 * The issuer's keys and the RFC 9728 protected-resource metadata, which Spring Security
 * serves from a filter that springdoc does not see.
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
			discovery(jwks.getGet()
				.summary("The keys that verify issued tokens")
				.description("The embedded issuer's public keys (RFC 7517), for a client that checks its tokens "
						+ "itself."));
			Schema keys = typed("object")
				.addProperty("keys",
						typed("array").items(typed("object"))
							.description("The keys, as RFC 7517 JSON Web Keys (kty, kid, use, alg, n, e)."))
				.required(List.of("keys"));
			jwks.getGet()
				.getResponses()
				.addApiResponse("200", new ApiResponse().description("The JSON Web Key Set.")
					.content(new Content().addMediaType(JSON, new MediaType().schema(keys))));
			// behind the security chain: bad credentials and the rate limit apply
			jwks.getGet().getResponses().addApiResponse("401", TokenDocumentation.badCredentials());
			ErrorResponses.on(jwks.getGet(), 406, 429, 500);
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
		// answered from a filter ahead of authentication and the rate limit
		Operation get = discovery(new Operation().operationId("protectedResourceMetadata")
			.summary("How to get a token for this server (RFC 9728)")
			.description("The protected-resource metadata of RFC 9728.")
			.responses(new ApiResponses().addApiResponse("200",
					new ApiResponse().description("The protected-resource metadata.")
						.content(new Content().addMediaType(JSON, new MediaType().schema(metadata))))));
		openApi.getPaths().addPathItem(PROTECTED_RESOURCE, new PathItem().get(get));
	}

	private static Operation discovery(Operation get) {
		get.tags(List.of(TAG))
			.security(List.of())
			.description(get.getDescription() + " Public: no credentials needed. GET only: any other method is "
					+ "answered 404, as an unknown path is.");
		get.getResponses()
			.addApiResponse("404",
					new ApiResponse().description("Any method but GET: answered as an unknown path.")
						.content(new Content().addMediaType(JSON,
								new MediaType().schema(new Schema<>().$ref(ContractDocumentation.ENVELOPE)))));
		ErrorResponses.sort(get);
		return get;
	}

}
