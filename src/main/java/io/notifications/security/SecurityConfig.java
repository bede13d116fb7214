package io.notifications.security;

import java.time.Duration;
import java.util.List;

import io.notifications.resource.ApiResource;
import io.notifications.security.Roles.Action;
import io.notifications.web.EnvelopeWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The API's one filter chain: bearer tokens and Basic on every endpoint, Nexudus's roles per
 * operation, deny by default under {@code /api}, and every 401 and 403 written in the envelope.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/** At most this much difference between our clock and a token issuer's. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, EnvelopeWriter writer, UserDetailsService users,
			SecurityProperties properties, List<ApiResource<?, ?, ?>> resources, SecondFactor secondFactor,
			ObjectProvider<IssuedTokenCallers> issuedTokenCallers) throws Exception {
		EnvelopeAuthenticationEntryPoint entryPoint = new EnvelopeAuthenticationEntryPoint(writer);
		EnvelopeAccessDeniedHandler accessDenied = new EnvelopeAccessDeniedHandler(writer);
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			// stateless: there is no session to log out of
			.logout(AbstractHttpConfigurer::disable)
			.userDetailsService(secondFactor.withoutSecondFactor(users))
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint)
				.withObjectPostProcessor(ClientCredentials.ignoredOnTheTokenEndpoint()))
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(callers(properties, issuedTokenCallers)))
				.bearerTokenResolver(new BearerTokens())
				// RFC 9728 metadata that Spring Security publishes; tokens here are not bound to client certificates
				.protectedResourceMetadata((metadata) -> metadata.protectedResourceMetadataCustomizer(
						(resource) -> resource.resourceName("Nexudus notifications").tlsClientCertificateBoundAccessTokens(false)))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.authorizeHttpRequests((authorize) -> {
				authorize.requestMatchers("/error").permitAll();
				// revoking a token needs only the token itself (RFC 7009; docs/security.md)
				authorize.requestMatchers(HttpMethod.POST, "/api/token", "/api/token/revoke").permitAll();
				authorize.requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll();
				authorize.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll();
				authorize.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
						"/swagger-ui/**").permitAll();
				resources.forEach((resource) -> authorizeOperations(authorize, resource));
				authorize.requestMatchers("/actuator/**").hasAuthority(Roles.ADMINISTRATOR);
				// fail closed: an /api route without a role rule above is the Administrator's alone
				// (who gets its 404 or 405); anyone else gets 403, and no credentials 401
				authorize.requestMatchers("/api/**").hasAuthority(Roles.ADMINISTRATOR);
				// ephemeral mode's reset (docs/embedded-testing.md), outside /api: the Administrator's alone
				authorize.requestMatchers("/ephemeral/reset").hasAuthority(Roles.ADMINISTRATOR);
				// outside /api and /actuator only public pages are served (FrontDoorTests lists them):
				// anything else is an unknown path, a 404 envelope for everyone
				authorize.anyRequest().permitAll();
			});
		return http.build();
	}

	/**
	 * The embedded issuer's tokens name their caller as the user store has them now; an external
	 * provider's tokens carry their own roles, whose lifecycle the provider owns.
	 */
	private static Converter<Jwt, AbstractAuthenticationToken> callers(SecurityProperties properties,
			ObjectProvider<IssuedTokenCallers> issuedTokenCallers) {
		IssuedTokenCallers issued = issuedTokenCallers.getIfAvailable();
		return (issued != null) ? issued::caller : new RolesClaimConverter(properties.rolesClaim());
	}

	private static void authorizeOperations(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize,
			ApiResource<?, ?, ?> resource) {
		String base = resource.basePath();
		RequestMatcher collection = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, base);
		RequestMatcher collectionSlash = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, base + "/");
		RequestMatcher anyCollection = (request) -> collection.matches(request) || collectionSlash.matches(request);
		RequestMatcher batchRead = (request) -> anyCollection.matches(request) && request.getParameter("id") != null;

		authorize.requestMatchers(HttpMethod.PUT, base).access(role(resource, Action.EDIT));
		authorize.requestMatchers(HttpMethod.POST, base).access(role(resource, Action.CREATE));
		authorize.requestMatchers(batchRead).access(role(resource, Action.READ));
		authorize.requestMatchers(anyCollection).access(role(resource, Action.LIST));
		authorize.requestMatchers(HttpMethod.GET, base + "/*").access(role(resource, Action.READ));
		authorize.requestMatchers(HttpMethod.DELETE, base + "/*").access(role(resource, Action.DELETE));
	}

	private static AuthorizationManager<RequestAuthorizationContext> role(ApiResource<?, ?, ?> resource,
			Action action) {
		return AuthorityAuthorizationManager.hasAnyAuthority(Roles.ADMINISTRATOR, action.on(resource.name()));
	}

	/** Spring Security's strict firewall, its character rules without regular expressions. */
	@Bean
	WebSecurityCustomizer firewall() {
		return (web) -> web.httpFirewall(HeaderCharacters.firewall());
	}

	/**
	 * Spring Security would wrap each of its filters, and every authentication and authorization, in
	 * an observation of its own: a tenth of a request's CPU time here. The HTTP server's own
	 * observation, which the Prometheus metrics come from, is kept.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Requires {@code exp} of every token and allows at most {@link #CLOCK_SKEW}. Boot adds every
	 * validator bean to the decoder it builds for an external identity provider, and the embedded
	 * issuer's decoder takes them too.
	 */
	@Bean
	OAuth2TokenValidator<Jwt> expiryRequired() {
		return requireExpiry();
	}

	/** The expiry check of every decoder, Boot's and the embedded issuer's. */
	static JwtTimestampValidator requireExpiry() {
		JwtTimestampValidator validator = new JwtTimestampValidator(CLOCK_SKEW);
		validator.setAllowEmptyExpiryClaim(false);
		return validator;
	}

	/**
	 * Requires {@code notifications.security.required-issuer} as the {@code iss} of an external
	 * provider's tokens: Boot checks the issuer only when it discovers the keys from
	 * {@code issuer-uri}, not with {@code public-key-location}. Boot adds every validator bean to the
	 * decoder it builds; the embedded issuer's decoder checks its own issuer instead.
	 */
	@Bean
	@ConditionalOnProperty("notifications.security.required-issuer")
	OAuth2TokenValidator<Jwt> requiredIssuer(SecurityProperties properties) {
		return new JwtIssuerValidator(properties.requiredIssuer());
	}

}
