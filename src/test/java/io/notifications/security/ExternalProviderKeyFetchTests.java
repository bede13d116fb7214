package io.notifications.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider's keys at a {@code jwk-set-uri} that counts its fetches: tokens with key ids
 * the provider never published make at most one fetch an interval, and a key the provider
 * adds is still found.
 */
class ExternalProviderKeyFetchTests extends ApiTestSupport {

	static final String RECORD = "/api/spaces/coworkernotifications/1";

	static final RSAKey FIRST_KEY = key();

	/** Signs the made-up key ids' tokens: the provider never published it. */
	static final RSAKey STRANGER = key();

	static final AtomicInteger fetches = new AtomicInteger();

	static volatile List<JWK> published = List.of(FIRST_KEY);

	static final HttpServer provider = provider();

	@DynamicPropertySource
	static void keysAtTheProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + provider.getAddress().getPort() + "/certs");
	}

	@AfterAll
	static void stopProvider() {
		provider.stop(0);
	}

	@Test
	void madeUpKeyIdsFetchTheKeysOnceAnIntervalAndANewKeyIsStillFound() {
		assertThat(get(RECORD, bearer(FIRST_KEY)).status()).isEqualTo(404);
		assertThat(fetches.get()).isEqualTo(1);

		for (int token = 0; token < 20; token++) {
			Response refused = get(RECORD, bearer(new RSAKey.Builder(STRANGER).keyID("made-up-" + token).build()));

			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.body()).isEqualTo(failure(401, "Authorization has been denied for this request."));
		}
		assertThat(fetches.get()).as("one fetch for twenty made-up key ids").isEqualTo(2);

		RSAKey added = key();
		published = List.of(FIRST_KEY, added);
		assertThat(get(RECORD, bearer(added)).status()).as("within the interval").isEqualTo(401);
		assertThat(fetches.get()).isEqualTo(2);

		this.clock.advance(UnseenKeyFetches.INTERVAL);
		assertThat(get(RECORD, bearer(added)).status()).isEqualTo(404);
		assertThat(get(RECORD, bearer(FIRST_KEY)).status()).isEqualTo(404);
		assertThat(fetches.get()).isEqualTo(3);
	}

	private String bearer(RSAKey key) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("jane")
			.claim("email", "jane@example.com")
			.claim("roles", List.of("Administrator"))
			.issueTime(Date.from(this.clock.instant()))
			.expirationTime(Date.from(this.clock.instant().plusSeconds(300)))
			.build();
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				claims);
		try {
			token.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return "Bearer " + token.serialize();
	}

	private static RSAKey key() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.issueTime(Date.from(Instant.now()))
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer provider() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/certs", (exchange) -> {
				fetches.incrementAndGet();
				List<JWK> keys = new ArrayList<>();
				published.forEach((key) -> keys.add(key.toPublicJWK()));
				byte[] body = new JWKSet(keys).toString().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
