package io.notifications.connection;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's NIO HTTP/1.1 protocol, except that the connections it has already accepted are
 * served to the end while the server shuts down gracefully. A paused connector stops
 * accepting (that stays), but Tomcat's HTTP/1.1 processor also closes, once paused, the
 * connection of an async request when that request ends, before its answer is written;
 * every request whose body {@link BodyReadingFilter} receives is async, so a request in
 * flight at SIGTERM lost its answer. The price: a client on a kept-alive connection may
 * start another request during the graceful period, and the server waits for it too (at
 * most {@code spring.lifecycle.timeout-per-shutdown-phase}).
 */
public class KeepServingHttp11NioProtocol extends Http11NioProtocol {

	@Override
	public boolean isPaused() {
		return false;
	}

}
