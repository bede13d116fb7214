package io.notifications.security;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * An external provider's discovery document and keys are fetched with 3 s to connect and
 * 3 s for the whole answer, as a database connection is waited for: a provider that hung
 * held each request with a token for 30 s, one after another while the keys were first
 * looked up, and one that sent a byte every 2 s held it as long as it went on. A fetch
 * that fails is a 503 ({@link BearerFailures}).
 */
@Configuration(proxyBeanMethods = false)
class ExternalProviderConfig {

	static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);

	/** As the 503's {@code Retry-After}. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	/**
	 * {@link UnseenKeyFetches} bounds how often they are fetched, {@link ProviderFetches}
	 * how large an answer may be and how soon after a failure they are fetched again.
	 */
	@Bean
	JwkSetUriJwtDecoderBuilderCustomizer boundedKeyFetches(Clock clock) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(FETCH_TIMEOUT)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		// its timeout ends the whole answer, headers too (HttpURLConnection's each wait)
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(FETCH_TIMEOUT);
		RestTemplate rest = new RestTemplate(requests);
		rest.getInterceptors().add(new ProviderFetches(FETCH_TIMEOUT, RETRY_AFTER, clock));
		return (builder) -> builder.restOperations(rest).jwtProcessorCustomizer((processor) -> {
			if (processor.getJWSKeySelector() instanceof JWSVerificationKeySelector<SecurityContext> keys) {
				processor.setJWSKeySelector(new UnseenKeyFetches(keys, clock));
			}
		});
	}

	/**
	 * With {@code issuer-uri} alone, Boot looks the provider up at the first token, and
	 * at each token after until it succeeds: a failure was a 500 with a stack trace, and
	 * every request waited its turn to try again (the fiftieth 150 s).
	 */
	@Bean
	static BeanPostProcessor providerLookedUpOneAtATime() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof SupplierJwtDecoder lookup) ? new OneLookupAtATime(lookup) : bean;
			}

		};
	}

	/**
	 * One request looks the provider up; while it does, and for 5 s after it failed, the
	 * others are the 503 of an unavailable provider at once.
	 */
	static final class OneLookupAtATime implements JwtDecoder {

		private final JwtDecoder lookup;

		private final ReentrantLock lookingUp = new ReentrantLock();

		private volatile boolean found;

		private volatile long failedAt = System.nanoTime() - RETRY_AFTER.toNanos();

		OneLookupAtATime(JwtDecoder lookup) {
			this.lookup = lookup;
		}

		@Override
		public Jwt decode(String token) {
			if (this.found) {
				return this.lookup.decode(token);
			}
			if (System.nanoTime() - this.failedAt < RETRY_AFTER.toNanos() || !this.lookingUp.tryLock()) {
				throw new JwtException("The identity provider is being looked up");
			}
			try {
				Jwt jwt = this.lookup.decode(token);
				this.found = true;
				return jwt;
			}
			catch (JwtDecoderInitializationException ex) {
				this.failedAt = System.nanoTime();
				throw new JwtException("The identity provider could not be looked up: " + causes(ex), ex);
			}
			catch (JwtException ex) {
				// the provider was found; the token is what failed
				this.found = true;
				throw ex;
			}
			finally {
				this.lookingUp.unlock();
			}
		}

		/**
		 * What went wrong, under Spring's "Failed to lazily resolve": "Unable to resolve
		 * the Configuration ...: I/O error on GET ...: Could not connect to host:port",
		 * or an issuer that the discovery document names differently.
		 */
		private static String causes(Throwable failure) {
			StringJoiner causes = new StringJoiner(": ");
			String last = "";
			for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
				if (cause.getMessage() != null && !last.contains(cause.getMessage())) {
					last = cause.getMessage();
					causes.add(last);
				}
			}
			return causes.length() > 0 ? causes.toString() : String.valueOf(failure.getMessage());
		}

	}

}
