package io.notifications.security;

import java.time.Duration;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

/**
 * An external provider's discovery document and keys are fetched with 3 s to connect and
 * 3 s to answer, as a database connection is waited for: a provider that hung held each
 * request with a token for 30 s, one after another while the keys were first looked up. A
 * fetch that fails is a 503 ({@link BearerFailures}).
 */
@Configuration(proxyBeanMethods = false)
class ExternalProviderConfig {

	static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);

	@Bean
	JwkSetUriJwtDecoderBuilderCustomizer boundedKeyFetches() {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(FETCH_TIMEOUT);
		requests.setReadTimeout(FETCH_TIMEOUT);
		RestTemplate rest = new RestTemplate(requests);
		return (builder) -> builder.restOperations(rest);
	}

}
