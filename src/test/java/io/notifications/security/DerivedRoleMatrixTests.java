package io.notifications.security;

import io.notifications.security.issuer.SigningKeys;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.notifications.resource.Action;
import io.notifications.resource.ResourceController;
import io.notifications.support.DeclaredOperations;
import io.notifications.support.DeclaredOperations.Operation;
import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix derived from the declared resources, whatever they are (the test
 * sources add a third, {@code Memo}): each operation passes with its own role and is
 * refused with every other role, without roles and without credentials. And the
 * fail-closed rule: every {@code /api} route is reachable with some role other than
 * Administrator, and a route with no role rule is the Administrator's alone. Tokens are
 * signed with the server's own key.
 */
class DerivedRoleMatrixTests extends ApiTestSupport {

	@Autowired
	List<ResourceController<?, ?, ?>> resources;

	@Autowired
	SigningKeys keys;

	/**
	 * Spring MVC's mapping and the resources' own (ResourceRouteMapping): every route is
	 * in one of them.
	 */
	@Autowired
	List<RequestMappingHandlerMapping> mappings;

	/**
	 * Spring MVC's mapping of the controllers, where a route of a new controller would
	 * land.
	 */
	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping controllers;

	@Test
	void everyDeclaredOperationNeedsItsOwnRole() {
		assertThat(this.resources).extracting((resource) -> resource.declared().name())
			.contains("CoworkerNotification", "SystemNotification", "Memo");
		for (ResourceController<?, ?, ?> resource : this.resources) {
			for (Operation operation : DeclaredOperations.of(resource.getClass())) {
				int id = createdId(resource.declared().basePath(), "{" + resource.declared().example() + "}");
				assertThat(send(operation, id, tokenWith(operation.role())).status())
					.as(operation + " with " + operation.role())
					.isEqualTo(200);
				for (String other : otherRoles(operation)) {
					Response refused = send(operation, id, tokenWith(other));
					assertThat(refused.status()).as(operation + " with " + other).isEqualTo(403);
					assertThat(refused.body()).isEqualTo(failure(403, FailureMessagesText.FORBIDDEN));
				}
				assertThat(send(operation, id, tokenWithRoles(List.of())).status()).as(operation + " without roles")
					.isEqualTo(403);
				assertThat(send(operation, id, null).status()).as(operation + " without credentials").isEqualTo(401);
			}
		}
	}

	@Test
	void everyApiRouteIsCoveredByARoleRule() {
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, ?> route : routes()) {
			for (String pattern : route.getKey().getPatternValues()) {
				// the token endpoints are OAuth2's, not resources: /api/token and
				// /api/token/revoke need no role, /api/token/revoke-all is the
				// Administrator's alone (RevocationTests)
				if (!pattern.startsWith("/api/") || pattern.equals("/api/token") || pattern.startsWith("/api/token/")) {
					continue;
				}
				for (RequestMethod method : route.getKey().getMethodsCondition().getMethods()) {
					String path = pattern.replace("{id}", "1")
							+ (route.getKey().getParamsCondition().getExpressions().isEmpty() ? "" : "?id=[1]");
					boolean reachable = allRoles().stream()
						.anyMatch((role) -> send(method.name(), path, "application/json", "{}", tokenWith(role))
							.status() != 403);
					assertThat(reachable).as(method + " " + path + " has no role rule").isTrue();
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(3 * 6);
	}

	private List<Map.Entry<RequestMappingInfo, HandlerMethod>> routes() {
		return this.mappings.stream().flatMap((mapping) -> mapping.getHandlerMethods().entrySet().stream()).toList();
	}

	@Test
	void anApiRouteWithoutARoleRuleIsTheAdministratorsAlone() {
		Method handler = ReflectionUtils.findMethod(Unruled.class, "hello");
		RequestMappingInfo unruled = RequestMappingInfo.paths("/api/spaces/unruled")
			.methods(RequestMethod.GET)
			.options(this.controllers.getBuilderConfiguration())
			.build();
		this.controllers.registerMapping(unruled, new Unruled(), handler);
		try {
			assertThat(get("/api/spaces/unruled", admin()).status()).isEqualTo(200);
			for (String role : allRoles()) {
				assertThat(get("/api/spaces/unruled", tokenWith(role)).status()).as(role).isEqualTo(403);
			}
			assertThat(get("/api/spaces/unruled", tokenWithRoles(List.of())).status()).isEqualTo(403);
			assertThat(get("/api/spaces/unruled", null).status()).isEqualTo(401);
		}
		finally {
			// the application context is shared with the other tests, whose routes must
			// stay covered
			this.controllers.unregisterMapping(unruled);
		}
	}

	/**
	 * Every other action on the same resource, and the same action on every other
	 * resource.
	 */
	private List<String> otherRoles(Operation operation) {
		List<String> others = new ArrayList<>(allRoles());
		others.remove(operation.role());
		return others.stream()
			.filter((role) -> role.startsWith(operation.resource() + "-") || role.endsWith(
					"-" + operation.action().name().charAt(0) + operation.action().name().substring(1).toLowerCase()))
			.toList();
	}

	private List<String> allRoles() {
		List<String> roles = new ArrayList<>();
		for (ResourceController<?, ?, ?> resource : this.resources) {
			for (Action action : Action.values()) {
				roles.add(action.on(resource.declared().name()));
			}
		}
		return roles;
	}

	private Response send(Operation operation, int id, String authorization) {
		String path = operation.path().replace("{id}", String.valueOf(id));
		String body = (operation.body() != null) ? operation.body().replace("{id}", String.valueOf(id)) : null;
		return send(operation.method(), path, (body != null) ? "application/json" : null, body, authorization);
	}

	private String tokenWith(String role) {
		return tokenWithRoles(List.of(role));
	}

	private String tokenWithRoles(List<String> roles) {
		String subject = roles.isEmpty() ? "no-roles@example.com" : roles.get(0).toLowerCase() + "@example.com";
		return "Bearer " + new Minter(this.keys).sign(Minter.claimsFor(subject).claim("roles", roles).build());
	}

	/** A handler that no role rule names. */
	@ResponseBody
	static class Unruled {

		String hello() {
			return "hello";
		}

	}

	/** The 403 message of the contract. */
	static final class FailureMessagesText {

		static final String FORBIDDEN = "You do not have permission to perform this action.";

	}

}
