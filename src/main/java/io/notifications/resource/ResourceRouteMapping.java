package io.notifications.resource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The resources' routes alone, asked before any other handler mapping (Actuator's and Spring MVC's
 * mapping of every other controller).
 * <p>
 * A path with a variable, such as {@code GET /api/spaces/coworkernotifications/1}, cannot be looked
 * up by its text, so Spring MVC tests it against every mapping it has, with each one's method,
 * parameter, header, consumes and produces conditions first: with the token, discovery,
 * OpenAPI, error and front-door routes beside them that was a tenth of a GET's CPU time
 * (docs/performance.md). Here there are six routes a resource. A path of no resource falls through
 * to the mapping of the other controllers; a resource path with a method or content type the
 * resource does not take gets its 405 or 415 here, as before, since all of a resource's routes
 * are here. The path parser and content negotiation are those of Spring MVC's own mapping.
 */
@Component
@Lazy(false) // the dispatcher servlet finds its handler mappings among the beans that exist
class ResourceRouteMapping extends RequestMappingHandlerMapping {

	ResourceRouteMapping(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers) {
		setPatternParser(controllers.getPatternParser());
		setContentNegotiationManager(controllers.getContentNegotiationManager());
		// ahead of Actuator's endpoint mapping too (order -100), whose patterns and produces
		// conditions every request would otherwise be tested against first
		setOrder(Ordered.HIGHEST_PRECEDENCE);
	}

	/** Its routes are registered by {@link ResourceRoutes}, not found on beans. */
	@Override
	protected boolean isHandler(Class<?> beanType) {
		return false;
	}

}
