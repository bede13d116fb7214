package io.notifications.security;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The perimeter is closed: a route that the security configuration does not list is
 * refused, whatever kind of route it is. Outside {@code /api} it is answered as an
 * unknown path, 404 for everyone; under {@code /api} it is the Administrator's alone
 * (Nexudus's "full unrestricted administrator"). Actuator's endpoints stay the
 * Administrator's under another base path, with health public there.
 */
@TestPropertySource(properties = { "management.endpoints.web.base-path=/manage",
		"management.endpoints.web.exposure.include=health,info,prometheus,beans" })
@Import(PerimeterTests.UnlistedRoutes.class)
class PerimeterTests extends ApiTestSupport {

	static final String NOT_FOUND = failure(404, "The requested resource was not found.");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping controllers;

	@Test
	void aNewControllerOutsideTheApiIsAnUnknownPathForEveryone() {
		for (String authorization : callers()) {
			Response response = get("/internal/hello", authorization);

			assertThat(response.status()).as(String.valueOf(authorization)).isEqualTo(404);
			assertThat(response.body()).isEqualTo(NOT_FOUND);
		}
	}

	@Test
	void aNewControllerUnderTheApiIsTheAdministratorsAlone() {
		assertThat(get("/api/spaces/unlisted", null).status()).isEqualTo(401);
		assertThat(get("/api/spaces/unlisted", basic("nobody@example.com", "nobody-secret")).status()).isEqualTo(403);
		assertThat(get("/api/spaces/unlisted", bearer("cn-read@example.com", "role-secret")).status()).isEqualTo(403);
		Response administrator = get("/api/spaces/unlisted", admin());
		assertThat(administrator.status()).isEqualTo(200);
		assertThat(administrator.body()).isEqualTo("unlisted");
	}

	@Test
	void actuatorUnderAnotherBasePathIsTheAdministratorsAndHealthStaysPublic() {
		for (String endpoint : List.of("/manage/prometheus", "/manage/info", "/manage/beans")) {
			assertThat(get(endpoint, null).status()).as(endpoint).isEqualTo(401);
			assertThat(get(endpoint, basic("nobody@example.com", "nobody-secret")).status()).as(endpoint)
				.isEqualTo(403);
			assertThat(get(endpoint, admin()).status()).as(endpoint).isEqualTo(200);
		}
		assertThat(get("/manage/health", null).status()).isEqualTo(200);
		assertThat(get("/manage/health/readiness", null).status()).isEqualTo(200);
		for (String authorization : callers()) {
			assertThat(get("/actuator/prometheus", authorization).body()).isEqualTo(NOT_FOUND);
		}
	}

	@Test
	void aRouteAddedAtRuntimeOutsideTheApiIsAnUnknownPathForEveryone() {
		withRouteAddedAtRuntime("/runtime/hello", () -> {
			for (String authorization : callers()) {
				assertThat(get("/runtime/hello", authorization).body()).isEqualTo(NOT_FOUND);
			}
		});
	}

	@Test
	void aMethodOrPathThatNoRouteTakesIs405Or404ForAnyCallerAnd401WithoutCredentials() {
		for (String authorization : callers().subList(1, 4)) {
			for (String method : List.of("PATCH", "PROPFIND", "POST")) {
				Response wrongMethod = send(method, "/api/spaces/coworkernotifications/1", null, (String) null,
						authorization);
				assertThat(wrongMethod.status()).as(method + " as " + authorization).isEqualTo(405);
				assertThat(wrongMethod.header("Allow")).contains("GET", "DELETE").doesNotContain(method);
				assertThat(wrongMethod.body())
					.isEqualTo(failure(405, "The requested HTTP method is not allowed on this URL."));
			}
			Response unknown = get("/api/spaces/nothing", authorization);
			assertThat(unknown.status()).isEqualTo(404);
			assertThat(unknown.body()).isEqualTo(NOT_FOUND);
		}
		assertThat(send("PATCH", "/api/spaces/coworkernotifications/1", null, (String) null, null).status())
			.isEqualTo(401);
		assertThat(get("/api/spaces/nothing", null).status()).isEqualTo(401);
	}

	/** Spring MVC answers HEAD with the GET's handler; the role rule is the GET's too. */
	@Test
	void aHeadTakesTheRoleOfItsGet() {
		String reader = bearer("cn-read@example.com", "role-secret");
		int id = createdId("/api/spaces/coworkernotifications", """
				{"CoworkerId":5,"Message":"Head","NotificationType":"blog","EntityId":1}""");

		Response head = send("HEAD", "/api/spaces/coworkernotifications/" + id, null, (String) null, reader);
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		// listing is a role of its own (CoworkerNotification-List)
		assertThat(send("HEAD", "/api/spaces/coworkernotifications", null, (String) null, reader).status())
			.isEqualTo(get("/api/spaces/coworkernotifications", reader).status())
			.isEqualTo(403);
		assertThat(send("HEAD", "/api/sys/systemnotifications/1", null, (String) null, reader).status()).isEqualTo(403);
		assertThat(send("HEAD", "/api/spaces/coworkernotifications/" + id, null, (String) null, null).status())
			.isEqualTo(401);
	}

	@Test
	void theTokenEndpointsAnswerAWrongMethod405WithoutCredentials() {
		for (String path : List.of("/api/token", "/api/token/revoke")) {
			for (String method : List.of("GET", "PUT", "DELETE")) {
				Response response = send(method, path, null, (String) null, null);
				assertThat(response.status()).as(method + " " + path).isEqualTo(405);
				assertThat(response.header("Allow")).contains("POST").doesNotContain(method);
			}
		}
		// the Administrator's: without credentials, 401 as everywhere else under /api
		assertThat(get("/api/token/revoke-all", null).status()).isEqualTo(401);
	}

	@Test
	void aRouteAddedAtRuntimeUnderTheApiIsTheAdministratorsAlone() {
		assertThat(get("/api/runtime/hello", bearer("cn-read@example.com", "role-secret")).status()).isEqualTo(404);
		withRouteAddedAtRuntime("/api/runtime/hello", () -> {
			assertThat(get("/api/runtime/hello", bearer("cn-read@example.com", "role-secret")).status()).isEqualTo(403);
			assertThat(get("/api/runtime/hello", basic("nobody@example.com", "nobody-secret")).status()).isEqualTo(403);
			assertThat(get("/api/runtime/hello", admin()).body()).isEqualTo("hello");
		});
	}

	@Test
	void everyJsonAnswerHasOneContentType() {
		String noRoles = basic("nobody@example.com", "nobody-secret");
		for (Response response : List.of(get("/api/spaces/coworkernotifications", null),
				get("/api/spaces/coworkernotifications", noRoles), get("/internal/hello", null),
				get("/api/spaces/coworkernotifications", admin()), get("/api/unknown", admin()),
				get("/api/unknown", noRoles), get("/manage/health", null), get("/manage/health/readiness", null),
				send("GET", "/api/spaces/coworkernotifications", null, null, admin(),
						Map.of("Accept", "application/problem+json")))) {
			assertThat(response.status()).as(response.body()).isIn(200, 401, 403, 404);
			assertThat(response.header("Content-Type")).as(response.body()).isEqualTo("application/json");
		}
	}

	/**
	 * RFC 8259 defines no charset for JSON: one on {@code Accept} is disregarded, and the
	 * answer is UTF-8 JSON (it was a 500 after the write had been made).
	 */
	@Test
	void aCharsetOnAnAcceptedJsonTypeIsDisregarded() {
		String body = """
				{"CoworkerId":5,"Message":"Grüße","NotificationType":"blog","EntityId":1}""";
		List<Response> answers = new ArrayList<>();
		for (String accept : List.of("application/json; charset=latin1", "application/json;charset=UTF-16",
				"application/problem+json; charset=windows-1252")) {
			Map<String, String> headers = Map.of("Accept", accept);
			answers.add(send("POST", "/api/spaces/coworkernotifications", "application/json", body, admin(), headers));
			answers.add(send("GET", "/api/spaces/coworkernotifications", null, null, admin(), headers));
			answers.add(send("POST", "/api/token", "application/x-www-form-urlencoded",
					"grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD, null, headers));
			answers.add(send("GET", "/.well-known/jwks.json", null, null, null, headers));
		}
		for (Response response : answers) {
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.header("Content-Type")).isEqualTo("application/json");
		}
		assertThat(answers.get(0).json().get("Value").get("Message").asString()).isEqualTo("Grüße");
	}

	/** GET {@code path} answered by a handler registered while the server runs. */
	private void withRouteAddedAtRuntime(String path, Runnable checks) {
		Method handler = ReflectionUtils.findMethod(UnlistedRoutes.Runtime.class, "hello");
		RequestMappingInfo route = RequestMappingInfo.paths(path)
			.methods(RequestMethod.GET)
			.options(this.controllers.getBuilderConfiguration())
			.build();
		this.controllers.registerMapping(route, new UnlistedRoutes.Runtime(), handler);
		try {
			checks.run();
		}
		finally {
			this.controllers.unregisterMapping(route);
		}
	}

	private List<String> callers() {
		return Arrays.asList(null, admin(), basic("nobody@example.com", "nobody-secret"),
				bearer("cn-read@example.com", "role-secret"));
	}

	/** Routes that no rule of the security configuration names. */
	@TestConfiguration(proxyBeanMethods = false)
	@Import(UnlistedRoutes.Controller.class)
	static class UnlistedRoutes {

		@RestController
		static class Controller {

			@GetMapping("/internal/hello")
			String internal() {
				return "internal";
			}

			@GetMapping("/api/spaces/unlisted")
			String unlisted() {
				return "unlisted";
			}

		}

		/** A handler registered while the server runs. */
		@ResponseBody
		static class Runtime {

			String hello() {
				return "hello";
			}

		}

	}

}
