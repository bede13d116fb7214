package io.notifications.connection;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Serves accepted connections to the end during graceful shutdown: once paused, Tomcat's
 * HTTP/1.1 processor closes an async request's connection before its answer is written,
 * and {@link BodyReadingFilter} makes requests with a body async. The price: a kept-alive
 * client may start another request during the graceful period, which is waited for too.
 */
public class KeepServingHttp11NioProtocol extends Http11NioProtocol {

	@Override
	public boolean isPaused() {
		return false;
	}

}
