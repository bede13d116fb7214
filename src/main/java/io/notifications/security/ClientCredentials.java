package io.notifications.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * On {@code POST /api/token} a Basic header carries OAuth2 client credentials (Swagger UI
 * sends {@code Basic Og==}); Nexudus registers no clients, so Basic authentication leaves
 * it alone and the grant decides. On {@code /api/token/revoke} the token to revoke
 * decides. Neither reads a bearer token either: a client that keeps its expired access
 * token in a default header must still be able to refresh it.
 */
final class ClientCredentials {

	/** The token endpoints that are public: the grants, and revoking a token. */
	static final String[] PATHS = { "/api/token", "/api/token/revoke" };

	static final RequestMatcher TOKEN_ENDPOINT = post(PATHS[0]);

	/** Where no Authorization header authenticates. */
	static final RequestMatcher CLIENT_ENDPOINTS = new OrRequestMatcher(TOKEN_ENDPOINT, post(PATHS[1]));

	private ClientCredentials() {
	}

	static ObjectPostProcessor<BasicAuthenticationFilter> ignoredOnTheTokenEndpoints() {
		return new ObjectPostProcessor<>() {

			@Override
			public <O extends BasicAuthenticationFilter> O postProcess(O filter) {
				BasicAuthenticationConverter basic = new BasicAuthenticationConverter();
				AuthenticationConverter converter = (request) -> CLIENT_ENDPOINTS.matches(request) ? null
						: basic.convert(request);
				filter.setAuthenticationConverter(converter);
				return filter;
			}

		};
	}

	static BearerTokenResolver ignoredOnTheTokenEndpoints(BearerTokenResolver tokens) {
		return (request) -> CLIENT_ENDPOINTS.matches(request) ? null : tokens.resolve(request);
	}

	private static RequestMatcher post(String path) {
		return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path);
	}

}
