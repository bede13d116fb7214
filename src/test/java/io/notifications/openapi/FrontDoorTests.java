package io.notifications.openapi;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser finds outside {@code /api}: {@code /} leads to Swagger UI, an unknown
 * path is a 404 envelope whoever asks, and {@code /api} and {@code /actuator} stay closed
 * to anonymous callers.
 */
class FrontDoorTests extends ApiTestSupport {

	/**
	 * Every route outside /api and /actuator: public on purpose (SecurityConfig permits
	 * them all).
	 */
	static final Set<String> PUBLIC_ROUTES = Set.of("/", "/error", "/.well-known/jwks.json", "/v3/api-docs",
			"/v3/api-docs.yaml", "/v3/api-docs/swagger-config", "/v3/api-docs/openapi-3.0.json", "/swagger-ui.html");

	static final String NOT_FOUND = failure(404, "The requested resource was not found.");

	/**
	 * Spring MVC's mapping and the resources' own (ResourceRouteMapping): every route is
	 * in one of them.
	 */
	@Autowired
	List<RequestMappingHandlerMapping> mappings;

	@Test
	void theRootRedirectsEveryoneToSwaggerUi() {
		for (String authorization : new String[] { null, admin(), basic("nobody@example.com", "nobody-secret") }) {
			Response root = get("/", authorization);

			assertThat(root.status()).isEqualTo(302);
			assertThat(root.header("Location")).isEqualTo("/swagger-ui.html");
		}
		Response swaggerUi = get("/swagger-ui.html", null);
		assertThat(swaggerUi.status()).isEqualTo(302);
		Response page = get(swaggerUi.header("Location").replaceFirst("^https?://[^/]+", ""), null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Swagger UI");
	}

	@Test
	void thePublicPagesAnswerHeadAsTheyAnswerGet() {
		for (String path : List.of("/", "/swagger-ui.html", "/v3/api-docs", "/v3/api-docs.yaml",
				"/.well-known/jwks.json")) {
			Response get = get(path, null);
			Response head = send("HEAD", path, null, (String) null, null);

			assertThat(head.status()).as(path).isEqualTo(get.status()).isIn(200, 302);
			assertThat(head.body()).as(path).isEmpty();
		}
	}

	@Test
	void anUnknownPathOutsideTheApiIsA404EnvelopeForEveryone() {
		for (String authorization : new String[] { null, admin(), basic("nobody@example.com", "nobody-secret") }) {
			for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
				for (String path : List.of("/nope", "/index.html", "/favicon.ico", "/apis", "/swagger-ui/nope.js",
						"/.well-known/nope")) {
					Response response = send(method, path, null, (String) null, authorization);

					assertThat(response.status()).as(method + " " + path + " as " + authorization).isEqualTo(404);
					assertThat(response.body()).isEqualTo(NOT_FOUND);
					assertThat(response.header("Content-Type")).startsWith("application/json");
				}
			}
		}
	}

	@Test
	void theApiAndActuatorStayClosed() {
		String noRoles = basic("nobody@example.com", "nobody-secret");
		assertThat(get("/api/unknown", null).status()).isEqualTo(401);
		// an authenticated caller's 404, whatever the roles (CONTRACT.md section 4)
		assertThat(get("/api/unknown", noRoles).body()).isEqualTo(NOT_FOUND);
		assertThat(get("/api/unknown", admin()).body()).isEqualTo(NOT_FOUND);
		assertThat(get("/api/spaces/coworkernotifications", null).status()).isEqualTo(401);
		assertThat(get("/actuator/info", null).status()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", noRoles).status()).isEqualTo(403);
		assertThat(get("/actuator/health", null).status()).isEqualTo(200);
	}

	@Test
	void everyRouteOutsideTheApiIsAPublicOneOnPurpose() {
		Set<String> outside = new TreeSet<>();
		for (RequestMappingInfo route : this.mappings.stream()
			.flatMap((mapping) -> mapping.getHandlerMethods().keySet().stream())
			.toList()) {
			route.getPatternValues()
				.stream()
				.filter((pattern) -> !pattern.startsWith("/api/") && !pattern.startsWith("/actuator"))
				.forEach(outside::add);
		}

		assertThat(outside).as("a new route outside /api is public: add it here only if it must be")
			.isSubsetOf(PUBLIC_ROUTES)
			.contains("/", "/v3/api-docs", "/v3/api-docs/openapi-3.0.json", "/swagger-ui.html");
	}

}
