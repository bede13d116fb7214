package io.notifications.operations;

import java.net.URI;

import io.notifications.container.HealthProbe;
import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Actuator endpoints over real HTTP with real tokens: health and its probes are
 * public and show details only to an Administrator; info and prometheus need
 * Administrator; nothing else is exposed.
 */
class ActuatorApiTests extends ApiTestSupport {

	static final String NOBODY = "nobody@example.com";

	static final String NOBODY_PASSWORD = "nobody-secret";

	@Test
	void healthIsPublicAndShowsOnlyTheStatusAndGroups() {
		Response response = get("/actuator/health", null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("""
				{"groups":["liveness","readiness"],"status":"UP"}""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health/liveness", "/actuator/health/readiness" })
	void probesArePublicAndShowOnlyTheStatus(String path) {
		Response response = get(path, null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("""
				{"status":"UP"}""");
	}

	@Test
	void theContainerHealthProbeSeesAReadyServer() {
		assertThat(HealthProbe.isHealthy(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness")))
			.isTrue();
		assertThat(HealthProbe.isHealthy(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/nothing")))
			.isFalse();
	}

	@Test
	void readinessIncludesTheDatabaseAndLivenessDoesNot() {
		JsonNode readiness = get("/actuator/health/readiness", admin()).json();
		JsonNode liveness = get("/actuator/health/liveness", admin()).json();

		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("db", "readinessState");
		assertThat(readiness.get("components").get("db").get("status").asString()).isEqualTo("UP");
		assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");
	}

	/** Actuator's own 404 had no body. */
	@Test
	void aHealthComponentThatIsNotThereOrNotShownIsThe404Envelope() {
		String notFound = failure(404, "The requested resource was not found.");
		for (String[] request : new String[][] { { "/actuator/health/nothing", null },
				{ "/actuator/health/nothing", admin() }, { "/actuator/health/db", null },
				{ "/actuator/health/readiness/db", bearer(NOBODY, NOBODY_PASSWORD) } }) {
			Response response = get(request[0], request[1]);

			assertThat(response.status()).as(request[0]).isEqualTo(404);
			assertThat(response.header("Content-Type")).isEqualTo("application/json");
			assertThat(response.body()).isEqualTo(notFound);
		}
		assertThat(get("/actuator/health/db", admin()).json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void healthDetailsAreShownToTheAdministratorOnly() {
		assertThat(get("/actuator/health", admin()).json().has("components")).isTrue();
		assertThat(get("/actuator/health", bearer(NOBODY, NOBODY_PASSWORD)).json().has("components")).isFalse();
	}

	@Test
	void infoShowsTheBuildToTheAdministrator() {
		Response response = get("/actuator/info", admin());

		JsonNode build = response.json().get("build");
		assertThat(response.status()).isEqualTo(200);
		assertThat(build.get("group").asString()).isEqualTo("io.notifications");
		assertThat(build.get("artifact").asString()).isEqualTo("notifications");
		assertThat(build.get("version").asString()).isNotBlank();
		assertThat(build.get("time").asString()).isNotBlank();
	}

	@Test
	void prometheusScrapesTheMetricsForTheAdministrator() {
		get("/actuator/health", null);
		Response response = get("/actuator/prometheus", admin());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("text/plain");
		assertThat(response.body()).contains("http_server_requests_seconds_count{", "jvm_memory_used_bytes{",
				"hikaricp_connections_active{");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/info", "/actuator/prometheus", "/actuator" })
	void theOtherEndpointsNeedCredentials(String path) {
		Response response = get(path, null);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.body()).isEqualTo(failure(401, "Authorization has been denied for this request."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/info", "/actuator/prometheus", "/actuator" })
	void theOtherEndpointsNeedTheAdministrator(String path) {
		Response response = get(path, bearer(NOBODY, NOBODY_PASSWORD));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).isEqualTo(failure(403, "You do not have permission to perform this action."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/env", "/actuator/metrics", "/actuator/beans", "/actuator/configprops",
			"/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers", "/actuator/shutdown" })
	void nothingElseIsExposed(String path) {
		Response response = get(path, admin());

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body()).isEqualTo(failure(404, "The requested resource was not found."));
	}

}
