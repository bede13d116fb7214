package io.notifications.openapi;

import java.util.List;

import io.notifications.resource.ResourceController;
import io.notifications.security.IssuedTokenCallers;
import io.notifications.web.WireBody;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document: swagger-core reads the records' schemas, and
 * {@link ContractDocumentation} adds the rest of the contract from the code the server
 * runs.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	static {
		// a request record read from the body, which ResourceDocumentation describes
		SpringDocUtils.getConfig().addAnnotationsToIgnore(WireBody.class);
	}

	static final String BEARER = "bearer";

	static final String BASIC = "basic";

	static final String PASSWORD = "password";

	static final String DESCRIPTION = """
			A self-hostable replica of Nexudus's CoworkerNotification and SystemNotification resources. Every \
			write and every error answers the Nexudus envelope.

			**Trying it here**

			1. **Authorize**, %s
			2. **Create first**: a new server has no records. Try it out on a `POST` (create); the `Value.Id` \
			of its answer is the Id for `PUT`, `GET` and `DELETE`, whose examples use 1, the first Id a new \
			server gives.

			%s Ephemeral mode (profile `ephemeral`) makes the server a \
			throw-away Nexudus for other applications' integration tests: in-memory data, fixtures, \
			`POST /ephemeral/reset`; it must never face a network (docs/embedded-testing.md). This document \
			in OpenAPI 3.0 terms: `/v3/api-docs/openapi-3.0.json`.""";

	static final String AUTHORIZE_WITH_PASSWORD = """
			in the `password` box: the email and password of a user the server is configured \
			with. With none configured, the server made `admin@example.com` at its first start and keeps its \
			password in `data/generated-password` (under the directory it was started in). Leave `client_id` \
			and `client_secret` empty. (`basic` takes the same email and password; `bearer` a token you \
			already have.)""";

	static final String TOKENS_FROM_US = """
			Clients get a token from `POST /api/token` (grant_type=password) and send it as a bearer token, or \
			use Basic with a configured user.""";

	static final String AUTHORIZE_WITH_PROVIDER = """
			in the `bearer` box: an access token of the identity provider this server trusts \
			(docs/security.md). (`basic` takes the email and password of a user the server is configured \
			with.)""";

	static final String TOKENS_FROM_PROVIDER = """
			Clients get their tokens from the identity provider and send them as bearer tokens, or use Basic \
			with a configured user.""";

	static final String SIGN_IN = """
			Sign in as a user the server is configured with: its email and password. With none configured: \
			`admin@example.com`, and the password in `data/generated-password` on the server. Leave \
			`client_id` and `client_secret` empty: Authorize sends them to `POST /api/token`, which does not \
			use them.""";

	/**
	 * With an external identity provider (no token of ours to check) tokens come from it:
	 * no password flow to {@code /api/token}, which is then absent.
	 */
	@Bean
	OpenAPI notificationsOpenApi(ObjectProvider<IssuedTokenCallers> embeddedIssuer) {
		OpenAPI document = new OpenAPI()
			.info(new Info().title("Notifications API")
				.version("1")
				.description(DESCRIPTION.formatted(AUTHORIZE_WITH_PASSWORD, TOKENS_FROM_US))
				.contact(new Contact().name("Notifications API maintainers"))
				// the project has no LICENSE file yet: name the one it gets here
				.license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("The access_token of POST /api/token."))
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("The email and password of a configured user, as for `password`."))
				.addSecuritySchemes(PASSWORD,
						new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
							.description(SIGN_IN)
							.flows(new OAuthFlows()
								.password(new OAuthFlow().tokenUrl("/api/token").scopes(new Scopes())))))
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.addSecurityItem(new SecurityRequirement().addList(BASIC))
			.addSecurityItem(new SecurityRequirement().addList(PASSWORD));
		if (embeddedIssuer.getIfAvailable() == null) {
			document.getComponents().getSecuritySchemes().remove(PASSWORD);
			document.getComponents().getSecuritySchemes().get(BEARER).description("A token of the identity provider.");
			document.getComponents()
				.getSecuritySchemes()
				.get(BASIC)
				.description("The email and password of a configured user.");
			document.getInfo().description(DESCRIPTION.formatted(AUTHORIZE_WITH_PROVIDER, TOKENS_FROM_PROVIDER));
			document.getSecurity().removeIf((requirement) -> requirement.containsKey(PASSWORD));
		}
		return document;
	}

	/** In place of springdoc's own transformer, which it extends. */
	@Bean
	@ConditionalOnProperty(name = "springdoc.swagger-ui.enabled", matchIfMissing = true)
	SwaggerIndexTransformer swaggerUiPage(SwaggerUiConfigProperties swaggerUiConfig,
			SwaggerUiOAuthProperties swaggerUiOAuthProperties, SwaggerWelcomeCommon swaggerWelcomeCommon,
			ObjectMapperProvider objectMapperProvider) {
		return new SwaggerUiPage(swaggerUiConfig, swaggerUiOAuthProperties, swaggerWelcomeCommon, objectMapperProvider);
	}

	@Bean
	OpenApiCustomizer contractDocumentation(List<ResourceController<?, ?, ?>> resources,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers) {
		return (openApi) -> {
			ContractDocumentation.complete(openApi, resources.stream().map(ResourceController::declared).toList());
			RoleDocumentation.addTo(openApi, controllers);
		};
	}

	/** A property of a reference type may be null on the wire; a primitive never is. */
	@Bean
	PropertyCustomizer referenceTypesAreNullable() {
		return (property, type) -> {
			if (type.getType() instanceof Class<?> javaType && javaType.isPrimitive()) {
				return property;
			}
			if (type.getType() instanceof com.fasterxml.jackson.databind.JavaType javaType && javaType.isPrimitive()) {
				return property;
			}
			return ContractDocumentation.nullable(property);
		};
	}

}
