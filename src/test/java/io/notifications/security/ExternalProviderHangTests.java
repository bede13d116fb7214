package io.notifications.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An external provider that takes the connection and never answers: a token waits for its
 * keys 3 s, not Spring's default of about 30 s, and is answered 503.
 */
class ExternalProviderHangTests extends ApiTestSupport {

	private static final List<Socket> HELD = new ArrayList<>();

	private static ServerSocket provider;

	@DynamicPropertySource
	static void silentProvider(DynamicPropertyRegistry registry) throws IOException {
		provider = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread accepting = new Thread(() -> {
			while (!provider.isClosed()) {
				try {
					HELD.add(provider.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "silent-provider");
		accepting.setDaemon(true);
		accepting.start();
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + provider.getLocalPort() + "/certs");
	}

	@AfterAll
	static void closeProvider() throws IOException {
		provider.close();
	}

	@Test
	void aProviderThatNeverAnswersIsA503WithinSeconds() {
		long start = System.nanoTime();
		Response response = get("/api/spaces/coworkernotifications/1", UnreachableProvider.bearerWithUnseenKeyId());
		long seconds = (System.nanoTime() - start) / 1_000_000_000;

		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(seconds).isBetween(2L, 8L);
	}

}
