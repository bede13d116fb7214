package io.notifications.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * On {@code POST /api/token} a Basic header carries OAuth2 client credentials (Swagger UI
 * sends {@code Basic Og==}); Nexudus registers no clients, so Basic authentication leaves
 * it alone and the grant decides.
 */
final class ClientCredentials {

	static final RequestMatcher TOKEN_ENDPOINT = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/api/token");

	private ClientCredentials() {
	}

	static ObjectPostProcessor<BasicAuthenticationFilter> ignoredOnTheTokenEndpoint() {
		return new ObjectPostProcessor<>() {

			@Override
			public <O extends BasicAuthenticationFilter> O postProcess(O filter) {
				BasicAuthenticationConverter basic = new BasicAuthenticationConverter();
				AuthenticationConverter converter = (request) -> TOKEN_ENDPOINT.matches(request) ? null
						: basic.convert(request);
				filter.setAuthenticationConverter(converter);
				return filter;
			}

		};
	}

}
