package io.notifications.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import io.notifications.resource.DeclaredResource;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Adds to springdoc's document what the contract says of every operation: each error
 * status with the envelope, each resource's entry from its {@link DeclaredResource}
 * (schemas, list parameters from the code that parses them, examples), the token
 * endpoint, and which properties are always present.
 */
final class ContractDocumentation {

	static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	static final String ENVELOPE = "#/components/schemas/Envelope";

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
		openApi.addTagsItem(new Tag().name(DiscoveryDocumentation.TAG)
			.description("Tokens for the password flow, and what a client discovers the server by."));
		PathItem token = openApi.getPaths().get("/api/token");
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
		// what springdoc reads from the shared controller's generic signatures: no
		// operation refers to them
		openApi.getComponents().getSchemas().remove("MultiValueMapStringString");
		openApi.getComponents().getSchemas().remove("ListPageRecord");
		// one order whatever order the routes were registered in, for readers and for the
		// committed copy
		Paths sorted = new Paths();
		new TreeMap<>(openApi.getPaths()).forEach(sorted::addPathItem);
		openApi.setPaths(sorted);
	}

	/** A schema of one JSON type, written as OpenAPI 3.1 writes types. */
	@SuppressWarnings("rawtypes")
	static Schema typed(String type) {
		return new Schema<>().types(Set.of(type));
	}

	static Schema<?> integer() {
		return new Schema<>().types(Set.of("integer")).format("int32");
	}

	/**
	 * A property that may be null gets a {@code "null"} type. References are left alone:
	 * no nested object of these records is ever null, and an array's items come here too.
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

	/**
	 * Every property of these schemas is always present in the JSON (their records say
	 * ALWAYS).
	 */
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
