package io.notifications.security;

import java.time.Clock;
import java.time.Duration;

import io.notifications.ratelimit.RateLimitFilter;
import io.notifications.ratelimit.RateLimiter;
import io.notifications.web.EnvelopeWriter;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The server's one filter chain, whole: bearer tokens and Basic on every endpoint, the
 * sign-in throttle and the rate limits, Nexudus's roles per operation (read from the
 * resources' handlers, {@link OperationRule}), and a closed perimeter. The public routes
 * are listed here and nowhere else; any route not listed is the Administrator's under
 * {@code /api} (Nexudus's "full unrestricted administrator") and denied everywhere else,
 * where the denial answers 404 as an unknown path does. Every 401, 403 and 404 of the
 * chain is written in the envelope.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/** At most this much difference between our clock and a token issuer's. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	/** The profile of ephemeral mode, the only one with steering paths. */
	private static final String EPHEMERAL = "ephemeral";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, EnvelopeWriter writer, UserDetailsService users,
			SecurityProperties properties, SecondFactor secondFactor,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers,
			ObjectProvider<IssuedTokenCallers> issuedTokenCallers, ObjectProvider<LoginThrottle> loginThrottle,
			ObjectProvider<RateLimiter> rateLimiter, Environment environment) throws Exception {
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
				// RFC 9728 metadata that Spring Security publishes; tokens here are not
				// bound to client certificates
				.protectedResourceMetadata((metadata) -> metadata
					.protectedResourceMetadataCustomizer((resource) -> resource.resourceName("Nexudus notifications")
						.tlsClientCertificateBoundAccessTokens(false)))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.authorizeHttpRequests((authorize) -> {
				// the envelope of a request already decided, rendered by the error
				// controller
				authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
				// public on purpose: tokens (revoking one needs only the token, RFC
				// 7009), the issuer's
				// keys, the API's document and Swagger UI, and health for probes and load
				// balancers
				authorize.requestMatchers(HttpMethod.POST, "/api/token", "/api/token/revoke").permitAll();
				authorize
					.requestMatchers(HttpMethod.GET, "/", "/.well-known/jwks.json", "/v3/api-docs", "/v3/api-docs/**",
							"/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
					.permitAll();
				authorize.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll();
				authorize.requestMatchers(EndpointRequest.toAnyEndpoint()).hasAuthority(Roles.ADMINISTRATOR);
				OperationRule.of(controllers)
					.forEach((rule) -> authorize.requestMatchers(rule.matcher())
						.access(AuthorityAuthorizationManager.hasAnyAuthority(Roles.ADMINISTRATOR, rule.role())));
				// ephemeral mode's steering, outside /api (docs/embedded-testing.md);
				// elsewhere an unknown path
				if (environment.matchesProfiles(EPHEMERAL)) {
					authorize.requestMatchers("/ephemeral/**").hasAuthority(Roles.ADMINISTRATOR);
				}
				authorize.requestMatchers("/api/**").hasAuthority(Roles.ADMINISTRATOR);
				authorize.anyRequest().access((authentication, context) -> {
					EnvelopeAuthenticationEntryPoint.answerNotFound(context.getRequest());
					return new AuthorizationDecision(false);
				});
			});
		loginThrottle.ifAvailable((throttle) -> http.addFilterBefore(new LoginThrottleFilter(throttle, writer),
				BasicAuthenticationFilter.class));
		// after the anonymous filter every request has an authentication to key it by;
		// before
		// authorization, so that refused requests count too
		rateLimiter.ifAvailable((limiter) -> http.addFilterAfter(new RateLimitFilter(limiter, writer),
				AnonymousAuthenticationFilter.class));
		return http.build();
	}

	/**
	 * The embedded issuer's tokens name their caller as the user store has them now; an
	 * external provider's tokens carry their own roles, whose lifecycle the provider
	 * owns.
	 */
	private static Converter<Jwt, AbstractAuthenticationToken> callers(SecurityProperties properties,
			ObjectProvider<IssuedTokenCallers> issuedTokenCallers) {
		IssuedTokenCallers issued = issuedTokenCallers.getIfAvailable();
		return (issued != null) ? issued::caller : new RolesClaimConverter(properties.rolesClaim());
	}

	/**
	 * Spring Security's strict firewall, its character rules without regular expressions.
	 */
	@Bean
	WebSecurityCustomizer firewall() {
		return (web) -> web.httpFirewall(HeaderCharacters.firewall());
	}

	/**
	 * Spring Security would wrap each of its filters, and every authentication and
	 * authorization, in an observation of its own: a tenth of a request's CPU time here.
	 * The HTTP server's own observation, which the Prometheus metrics come from, is kept.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Requires {@code exp} of every token and allows at most {@link #CLOCK_SKEW}. Boot
	 * adds every validator bean to the decoder it builds for an external identity
	 * provider, and the embedded issuer's decoder takes them too.
	 */
	@Bean
	OAuth2TokenValidator<Jwt> expiryRequired(Clock clock) {
		JwtTimestampValidator validator = new JwtTimestampValidator(CLOCK_SKEW);
		validator.setAllowEmptyExpiryClaim(false);
		// the server's clock, which issues the tokens too
		validator.setClock(clock);
		return validator;
	}

	/**
	 * Requires {@code notifications.security.required-issuer} as the {@code iss} of an
	 * external provider's tokens: Boot checks the issuer only when it discovers the keys
	 * from {@code issuer-uri}, not with {@code public-key-location}. Boot adds every
	 * validator bean to the decoder it builds; the embedded issuer's decoder checks its
	 * own issuer instead.
	 */
	@Bean
	@ConditionalOnProperty("notifications.security.required-issuer")
	OAuth2TokenValidator<Jwt> requiredIssuer(SecurityProperties properties) {
		return new JwtIssuerValidator(properties.requiredIssuer());
	}

}
