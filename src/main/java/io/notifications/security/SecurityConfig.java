package io.notifications.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

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
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The one filter chain. Public routes are listed here and nowhere else; any other route
 * is the Administrator's under {@code /api} (Nexudus's "full unrestricted administrator")
 * and answered 404 elsewhere, as an unknown path. What no route takes is Spring MVC's 404
 * or 405.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/** At most this much difference between our clock and a token issuer's. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private static final String EPHEMERAL = "ephemeral";

	private static final String[] PUBLIC_PAGES = { "/", "/.well-known/jwks.json", "/v3/api-docs", "/v3/api-docs/**",
			"/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, EnvelopeWriter writer, UserDetailsService users,
			SecurityProperties properties, SecondFactor secondFactor,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers,
			ObjectProvider<IssuedTokenCallers> issuedTokenCallers, ObjectProvider<LoginThrottle> loginThrottle,
			ObjectProvider<RateLimiter> rateLimiter, Environment environment) throws Exception {
		EnvelopeAuthenticationEntryPoint entryPoint = new EnvelopeAuthenticationEntryPoint(writer);
		EnvelopeAccessDeniedHandler accessDenied = new EnvelopeAccessDeniedHandler(writer);
		RateLimiter limiter = rateLimiter.getIfAvailable();
		RateLimitFilter rateLimit = (limiter != null)
				? new RateLimitFilter(limiter, writer, notTheApisTraffic(environment)) : null;
		BearerFailures bearerFailures = new BearerFailures(entryPoint, rateLimit, writer);
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			// stateless: there is no session to log out of
			.logout(AbstractHttpConfigurer::disable)
			.userDetailsService(secondFactor.withoutSecondFactor(users))
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint)
				.withObjectPostProcessor(ClientCredentials.ignoredOnTheTokenEndpoints()))
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(callers(properties, issuedTokenCallers)))
				.bearerTokenResolver(ClientCredentials.ignoredOnTheTokenEndpoints(new BearerTokens()))
				// tokens are not bound to client certificates (RFC 9728 metadata)
				.protectedResourceMetadata((metadata) -> metadata
					.protectedResourceMetadataCustomizer((resource) -> resource.resourceName("Nexudus notifications")
						.tlsClientCertificateBoundAccessTokens(false)))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied)
				.withObjectPostProcessor(bearerFailures.onTheBearerFilter()))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.authorizeHttpRequests((authorize) -> {
				// a request already decided, rendered by the error controller
				authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
				// first, as most requests are the API's: no public path is a resource's
				OperationRule.of(controllers)
					.forEach((rule) -> authorize.requestMatchers(rule.matcher())
						.access(AuthorityAuthorizationManager.hasAnyAuthority(Roles.ADMINISTRATOR, rule.role())));
				// public: revoking needs only the token (RFC 7009); health is for probes
				authorize.requestMatchers(ClientCredentials.CLIENT_ENDPOINTS).permitAll();
				authorize.requestMatchers(HttpMethod.GET, PUBLIC_PAGES).permitAll();
				authorize.requestMatchers(HttpMethod.HEAD, PUBLIC_PAGES).permitAll();
				authorize.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll();
				authorize.requestMatchers(EndpointRequest.toAnyEndpoint()).hasAuthority(Roles.ADMINISTRATOR);
				RequestMatcher unrouted = OperationRule.unrouted(controllers);
				// ephemeral mode's steering (docs/embedded-testing.md); elsewhere, and on
				// a
				// path it has no route for, an unknown path
				if (environment.matchesProfiles(EPHEMERAL)) {
					RequestMatcher steering = RequestMatchers.allOf(pathsOf("/ephemeral/**"),
							RequestMatchers.not(OperationRule.unknownPath(controllers)));
					authorize.requestMatchers(steering).hasAuthority(Roles.ADMINISTRATOR);
				}
				// what no route takes: Spring MVC's 405 or 404, to anyone on the token
				// endpoints and to any caller elsewhere under /api
				authorize.requestMatchers(RequestMatchers.allOf(pathsOf(ClientCredentials.PATHS), unrouted))
					.permitAll();
				authorize.requestMatchers(RequestMatchers.allOf(pathsOf("/api/**"), unrouted)).authenticated();
				authorize.requestMatchers("/api/**").hasAuthority(Roles.ADMINISTRATOR);
				authorize.anyRequest().access((authentication, context) -> {
					EnvelopeAuthenticationEntryPoint.answerNotFound(context.getRequest());
					return new AuthorizationDecision(false);
				});
			});
		loginThrottle.ifAvailable((throttle) -> http.addFilterBefore(new LoginThrottleFilter(throttle, writer),
				BasicAuthenticationFilter.class));
		// after the anonymous filter: every request has a key to count by;
		// before authorization: refused requests count too
		if (rateLimit != null) {
			http.addFilterAfter(rateLimit, AnonymousAuthenticationFilter.class);
		}
		return http.build();
	}

	/**
	 * Never rate limited: health probes, by any method, and ephemeral mode's steering,
	 * whose stopped clock would never refill a bucket.
	 */
	private static RequestMatcher notTheApisTraffic(Environment environment) {
		RequestMatcher health = EndpointRequest.to(HealthEndpoint.class);
		return environment.matchesProfiles(EPHEMERAL) ? RequestMatchers.anyOf(health, pathsOf("/ephemeral/**"))
				: health;
	}

	private static RequestMatcher pathsOf(String... patterns) {
		return RequestMatchers.anyOf(Arrays.stream(patterns)
			.map((pattern) -> PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toArray(RequestMatcher[]::new));
	}

	/**
	 * An external provider's tokens carry their own roles; the embedded issuer's callers
	 * are looked up now.
	 */
	private static Converter<Jwt, AbstractAuthenticationToken> callers(SecurityProperties properties,
			ObjectProvider<IssuedTokenCallers> issuedTokenCallers) {
		IssuedTokenCallers issued = issuedTokenCallers.getIfAvailable();
		return (issued != null) ? issued::caller : new RolesClaimConverter(properties.rolesClaim());
	}

	@Bean
	WebSecurityCustomizer firewall() {
		return (web) -> web.httpFirewall(HeaderCharacters.firewall());
	}

	/**
	 * Observations of every filter and decision cost a tenth of a request's CPU
	 * (docs/performance.md); the HTTP server's own, which the metrics come from, stays.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Boot adds every validator bean to an external provider's decoder; the embedded
	 * issuer's decoder takes them too.
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
	 * Boot checks {@code iss} only when it discovers the keys from {@code issuer-uri},
	 * not with {@code public-key-location}.
	 */
	@Bean
	@ConditionalOnProperty("notifications.security.required-issuer")
	OAuth2TokenValidator<Jwt> requiredIssuer(SecurityProperties properties) {
		return new JwtIssuerValidator(properties.requiredIssuer());
	}

}
