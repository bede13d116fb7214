package io.notifications.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
