package io.notifications.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

import org.springframework.test.context.DynamicPropertyRegistry;

/** What the tests of an external provider that cannot be reached share. */
final class UnreachableProvider {

	private UnreachableProvider() {
	}

	/** A port nothing listens on: a connection to it is refused at once. */
	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A provider on a loopback port, the server's JWK set URL, that hands each connection
	 * to {@code answer} on a thread of its own, until it is closed.
	 */
	static ServerSocket keySetAt(DynamicPropertyRegistry registry, Consumer<Socket> answer) throws IOException {
		ServerSocket provider = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread accepting = new Thread(() -> {
			while (!provider.isClosed()) {
				try {
					Socket connection = provider.accept();
					Thread answering = new Thread(() -> answer.accept(connection), "provider-answer");
					answering.setDaemon(true);
					answering.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "provider");
		accepting.setDaemon(true);
		accepting.start();
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + provider.getLocalPort() + "/certs");
		return provider;
	}

	/**
	 * A token with a key id the server has not seen, so that it asks the provider for its
	 * keys; its signature is never checked.
	 */
	static String bearerWithUnseenKeyId() {
		return "Bearer " + part("{\"alg\":\"RS256\",\"kid\":\"k1\"}") + "." + part("{\"sub\":\"someone\"}") + ".AAAA";
	}

	private static String part(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
