package io.notifications.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.notifications.resource.DeclaredResource;
import io.notifications.security.Roles;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;

/** Adds to springdoc's document what the contract says of every operation. */
final class ContractDocumentation {

	static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	static final String ENVELOPE = "#/components/schemas/Envelope";

	/** Ephemeral mode's steering (docs/embedded-testing.md), in that mode alone. */
	static final String EPHEMERAL = "/ephemeral/";

	static final String EPHEMERAL_RESET = EPHEMERAL + "reset";

	static final String EPHEMERAL_TAG = "Ephemeral";

	private ContractDocumentation() {
	}

	static void complete(OpenAPI openApi, List<DeclaredResource> resources) {
		ErrorResponses.addTo(openApi);
		alwaysPresent(openApi, "Envelope", "ErrorItem");
		for (DeclaredResource resource : resources) {
			new ResourceDocumentation(openApi, resource).complete();
			openApi.addTagsItem(new Tag().name(resource.name())
				.description("Nexudus's " + resource.name() + " records, at " + resource.basePath() + "."));
		}
		PathItem token = openApi.getPaths().get("/api/token");
		// without /api/token (an external identity provider) only discovery stays
		openApi.addTagsItem(new Tag().name(DiscoveryDocumentation.TAG)
			.description((token != null) ? "Tokens for the password flow, and what a client discovers the server by."
					: "What a client discovers the server by."));
		if (token != null && token.getPost() != null) {
			TokenDocumentation.document(token.getPost());
		}
		PathItem revoke = openApi.getPaths().get("/api/token/revoke");
		if (revoke != null && revoke.getPost() != null) {
			TokenDocumentation.documentRevoke(revoke.getPost());
		}
		PathItem revokeAll = openApi.getPaths().get("/api/token/revoke-all");
		if (revokeAll != null && revokeAll.getPost() != null) {
			TokenDocumentation.documentRevokeAll(revokeAll.getPost());
		}
		DiscoveryDocumentation.addTo(openApi);
		ephemeral(openApi);
		// from the shared controller's generic signatures; no operation refers to them
		openApi.getComponents().getSchemas().remove("MultiValueMapStringString");
		openApi.getComponents().getSchemas().remove("ListPageRecord");
		// one order whatever the routes' order, for readers and the committed copy
		Paths sorted = new Paths();
		new TreeMap<>(openApi.getPaths()).forEach(sorted::addPathItem);
		openApi.setPaths(sorted);
	}

	/** The perimeter gives these to the Administrator alone, as it does revoke-all. */
	private static void ephemeral(OpenAPI openApi) {
		boolean any = false;
		for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
			if (!path.getKey().startsWith(EPHEMERAL)) {
				continue;
			}
			any = true;
			path.getValue().readOperationsMap().forEach((method, operation) -> {
				String description = operation.getDescription();
				String sentence = "Needs the role `" + Roles.ADMINISTRATOR + "`.";
				operation.tags(List.of(EPHEMERAL_TAG))
					.description(
							(description == null || description.isEmpty()) ? sentence : description + " " + sentence)
					.addExtension("x-required-roles", List.of(Roles.ADMINISTRATOR));
				ApiResponse ok = operation.getResponses().get("200");
				if (ok != null && (ok.getContent() == null || ok.getContent().isEmpty())) {
					operation.getResponses().remove("200");
					operation.getResponses().addApiResponse("204", new ApiResponse().description("Done; no body."));
				}
				ErrorResponses.on(operation, 400, 401, 403, 405, 406, 429, 500);
				if (method == PathItem.HttpMethod.POST) {
					ErrorResponses.on(operation, 408, 413, 415);
				}
				if (path.getKey().contains("{")) {
					ErrorResponses.on(operation, 404);
				}
				if (path.getKey().equals(EPHEMERAL_RESET)) {
					// it rewrites the database (503) and reads no body
					operation.getResponses()
						.get("200")
						.description("The fixtures are back; Value counts them per resource.");
					operation.getResponses().remove("400");
					operation.getResponses().remove("415");
					ErrorResponses.on(operation, 503);
				}
			});
		}
		if (any) {
			openApi.addTagsItem(new Tag().name(EPHEMERAL_TAG)
				.description("Ephemeral mode's steering, for other applications' integration tests "
						+ "(docs/embedded-testing.md); in that mode alone."));
		}
	}

	/** Written as OpenAPI 3.1 writes types. */
	@SuppressWarnings("rawtypes")
	static Schema typed(String type) {
		return new Schema<>().types(Set.of(type));
	}

	static Schema<?> integer() {
		return new Schema<>().types(Set.of("integer")).format("int32");
	}

	/**
	 * References are left alone: no nested object of these records is ever null, and an
	 * array's items come here too.
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

	/** Their records say {@code JsonInclude.Include.ALWAYS}. */
	static void alwaysPresent(OpenAPI openApi, String... names) {
		for (String name : names) {
			Schema<?> schema = openApi.getComponents().getSchemas().get(name);
			if (schema == null) {
				throw new IllegalStateException("No schema " + name + " in the document");
			}
			schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
		}
	}

	static Object json(String text) {
		try {
			return Json.mapper().readTree(text);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
