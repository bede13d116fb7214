package io.notifications.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.notifications.support.ChildApplication;
import io.notifications.support.EndToEnd;
import io.notifications.support.Http;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed {@code src/test/resources/openapi/api-docs.json}, which the build
 * generates a Java client from (GeneratedClientTests), is what a server started as an
 * operator starts it (main classes only) serves at {@code /v3/api-docs}, so neither can
 * drift from the other.
 */
@EndToEnd
class CommittedDocumentTests {

	/** The copy that openapi-generator-maven-plugin reads at generate-test-sources. */
	static final Path COMMITTED = Path.of("src/test/resources/openapi/api-docs.json");

	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Test
	void theCommittedCopyIsTheServedDocument() throws IOException {
		ObjectNode served;
		try (ChildApplication server = ChildApplication
			.start(Path.of("target", "committed-document-" + UUID.randomUUID()), Map.of())) {
			Response response = Http.get(server.baseUrl() + "/v3/api-docs", null);
			assertThat(response.status()).isEqualTo(200);
			served = (ObjectNode) JSON.readTree(response.body());
		}
		// the server's URL as this request reached it (springdoc's), not a property of
		// the API
		served.remove("servers");
		if (Boolean.getBoolean("openapi.refresh")) {
			Files.writeString(COMMITTED, JSON.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
		}
		JsonNode committed = JSON.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));

		assertThat(committed).as("""
				%s is not what the server serves at /v3/api-docs. Refresh it with
				  ./mvnw verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
				    -Dit.test=CommittedDocumentTests -Dopenapi.refresh=true -Dtesting.skip=true
				then build again: the Java client of GeneratedClientTests is generated from it""", COMMITTED)
			.isEqualTo(served);
	}

}
