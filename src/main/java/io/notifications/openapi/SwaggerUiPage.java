package io.notifications.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.properties.SwaggerUiConfigParameters;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Swagger UI with the Authorize dialog's text about choosing OAuth2 scopes hidden, as
 * this API declares none; the password box's description says who to sign in as. Its
 * requests carry no browser credentials: a 401's Basic challenge would otherwise open the
 * browser's own sign-in box over the page, and the page shows the 401 instead.
 */
class SwaggerUiPage extends SwaggerIndexPageTransformer {

	/** Loaded after swagger-ui.css. */
	static final String STYLESHEET = "index.css";

	static final String RULES = """

			/* notifications: the API declares no OAuth2 scopes, so there are none to choose */
			.scope-def { display: none; }
			""";

	/**
	 * Put before {@code presets}, as springdoc puts its own interceptor: the headers the
	 * Authorize dialog sets are still sent.
	 */
	static final String NO_BROWSER_CREDENTIALS = """
			requestInterceptor: (request) => {
			    request.credentials = 'omit';
			    return request;
			  },
			  """;

	private static final String PRESETS = "presets: [";

	SwaggerUiPage(SwaggerUiConfigProperties swaggerUiConfig, SwaggerUiOAuthProperties swaggerUiOAuthProperties,
			SwaggerWelcomeCommon swaggerWelcomeCommon, ObjectMapperProvider objectMapperProvider) {
		super(swaggerUiConfig, swaggerUiOAuthProperties, swaggerWelcomeCommon, objectMapperProvider);
	}

	@Override
	public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain transformerChain)
			throws IOException {
		if (STYLESHEET.equals(resource.getFilename())) {
			String css = new String(resource.getContentAsByteArray(), StandardCharsets.UTF_8) + RULES;
			return new TransformedResource(resource, css.getBytes(StandardCharsets.UTF_8));
		}
		return super.transform(request, resource, transformerChain);
	}

	@Override
	protected String defaultTransformations(SwaggerUiConfigParameters parameters, InputStream initializer)
			throws IOException {
		return super.defaultTransformations(parameters, initializer).replace(PRESETS, NO_BROWSER_CREDENTIALS + PRESETS);
	}

}
