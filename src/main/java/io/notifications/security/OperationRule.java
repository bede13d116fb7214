package io.notifications.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.notifications.resource.ApiResource;
import io.notifications.resource.Needs;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The role rule of each route whose handler says what it {@link Needs}:
 * {@code {Resource}-{Action}} of its controller's {@link ApiResource}. A route with
 * required parameters comes first on its path (the batch read, {@code ?id=}, before the
 * list).
 *
 * @param role the role that grants the route, besides the Administrator
 */
record OperationRule(RequestMatcher matcher, String role) {

	/**
	 * A request that no route takes: Spring MVC answers it 404, or 405 with
	 * {@code Allow}, to any caller, as Nexudus does. Read at each request, so that a
	 * route added while the server runs is a route, and stays closed.
	 */
	static RequestMatcher unrouted(RequestMappingHandlerMapping mapping) {
		return noRoute(mapping, true);
	}

	/** A request whose path no route has, whatever the method. */
	static RequestMatcher unknownPath(RequestMappingHandlerMapping mapping) {
		return noRoute(mapping, false);
	}

	private static RequestMatcher noRoute(RequestMappingHandlerMapping mapping, boolean method) {
		return (request) -> {
			PathContainer path = ServletRequestPathUtils.parse(request).pathWithinApplication();
			return mapping.getHandlerMethods()
				.keySet()
				.stream()
				.noneMatch((route) -> (!method || route.getMethodsCondition().getMatchingCondition(request) != null)
						&& takes(route, path));
		};
	}

	private static boolean takes(RequestMappingInfo route, PathContainer path) {
		PathPatternsRequestCondition patterns = route.getPathPatternsCondition();
		return patterns == null || patterns.getPatterns().stream().anyMatch((pattern) -> pattern.matches(path));
	}

	static List<OperationRule> of(RequestMappingHandlerMapping mapping) {
		List<Map.Entry<RequestMappingInfo, HandlerMethod>> routes = new ArrayList<>(
				mapping.getHandlerMethods().entrySet());
		routes.sort(Comparator.comparingInt((route) -> -route.getKey().getParamsCondition().getExpressions().size()));
		List<OperationRule> rules = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> route : routes) {
			Needs needs = AnnotatedElementUtils.findMergedAnnotation(route.getValue().getMethod(), Needs.class);
			ApiResource resource = AnnotatedElementUtils.findMergedAnnotation(route.getValue().getBeanType(),
					ApiResource.class);
			if (needs == null || resource == null) {
				continue;
			}
			List<String> parameters = route.getKey()
				.getParamsCondition()
				.getExpressions()
				.stream()
				.map(NameValueExpression::getName)
				.toList();
			for (String pattern : route.getKey().getPatternValues()) {
				for (RequestMethod method : answered(route.getKey().getMethodsCondition().getMethods())) {
					RequestMatcher path = PathPatternRequestMatcher.withDefaults()
						.matcher(HttpMethod.valueOf(method.name()), pattern);
					RequestMatcher matcher = (request) -> path.matches(request)
							&& parameters.stream().allMatch((name) -> request.getParameter(name) != null);
					rules.add(new OperationRule(matcher, needs.value().on(resource.name())));
				}
			}
		}
		return rules;
	}

	/** Spring MVC answers a HEAD with a GET's handler: it takes the GET's rule. */
	private static Set<RequestMethod> answered(Set<RequestMethod> methods) {
		Set<RequestMethod> answered = EnumSet.noneOf(RequestMethod.class);
		answered.addAll(methods);
		if (methods.contains(RequestMethod.GET)) {
			answered.add(RequestMethod.HEAD);
		}
		return answered;
	}

}
