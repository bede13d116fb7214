package io.notifications.security;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

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
		Method handler = ReflectionUtils.findMethod(UnlistedRoutes.Runtime.class, "hello");
		RequestMappingInfo route = RequestMappingInfo.paths("/runtime/hello")
			.methods(RequestMethod.GET)
			.options(this.controllers.getBuilderConfiguration())
			.build();
		this.controllers.registerMapping(route, new UnlistedRoutes.Runtime(), handler);
		try {
			for (String authorization : callers()) {
				assertThat(get("/runtime/hello", authorization).body()).isEqualTo(NOT_FOUND);
			}
		}
		finally {
			this.controllers.unregisterMapping(route);
		}
	}

	@Test
	void everyJsonAnswerHasOneContentType() {
		String noRoles = basic("nobody@example.com", "nobody-secret");
		for (Response response : List.of(get("/api/spaces/coworkernotifications", null),
				get("/api/spaces/coworkernotifications", noRoles), get("/internal/hello", null),
				get("/api/spaces/coworkernotifications", admin()), get("/api/unknown", admin()))) {
			assertThat(response.header("Content-Type")).as(response.body()).isEqualTo("application/json");
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
