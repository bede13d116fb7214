package io.notifications.ephemeral;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The reset and the API take turns: a reset waits for the API requests in flight and
 * holds new ones until the fixtures are back. Without it a create during a reset took an
 * Id the fixtures were given back (a 500), or kept one the restarted Ids would give
 * again.
 */
class ResetTurns implements HandlerInterceptor {

	private final ReadWriteLock turns = new ReentrantReadWriteLock();

	<T> T alone(Supplier<T> reset) {
		this.turns.writeLock().lock();
		try {
			return reset.get();
		}
		finally {
			this.turns.writeLock().unlock();
		}
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		this.turns.readLock().lock();
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		this.turns.readLock().unlock();
	}

}
