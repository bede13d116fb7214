package io.notifications.openapi;

import java.util.List;
import java.util.Map;

import io.notifications.resource.ApiResource;
import io.notifications.resource.Needs;
import io.notifications.security.Roles;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Names on each resource operation the roles that may call it, from its handler's
 * {@link Needs}. A handler's operation is the one whose Id is the handler's name followed
 * by the resource's.
 */
final class RoleDocumentation {

	private RoleDocumentation() {
	}

	static void addTo(OpenAPI openApi, RequestMappingHandlerMapping controllers) {
		for (Map.Entry<RequestMappingInfo, HandlerMethod> route : controllers.getHandlerMethods().entrySet()) {
			Needs needs = AnnotatedElementUtils.findMergedAnnotation(route.getValue().getMethod(), Needs.class);
			ApiResource resource = AnnotatedElementUtils.findMergedAnnotation(route.getValue().getBeanType(),
					ApiResource.class);
			if (needs == null || resource == null) {
				continue;
			}
			String operationId = route.getValue().getMethod().getName() + resource.name();
			for (String pattern : route.getKey().getPatternValues()) {
				PathItem path = openApi.getPaths().get(pattern);
				for (RequestMethod method : route.getKey().getMethodsCondition().getMethods()) {
					Operation operation = (path != null)
							? path.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.name())) : null;
					if (operation != null && operationId.equals(operation.getOperationId())) {
						needs(operation, needs.value().on(resource.name()));
					}
				}
			}
		}
	}

	private static void needs(Operation operation, String role) {
		String sentence = "Needs the role `" + role + "` (or `" + Roles.ADMINISTRATOR + "`).";
		String description = operation.getDescription();
		operation.description((description == null || description.isEmpty()) ? sentence : description + " " + sentence);
		operation.addExtension("x-required-roles", List.of(role, Roles.ADMINISTRATOR));
	}

}
