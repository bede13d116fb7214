package io.notifications.ephemeral;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The reset and the API take turns: a reset waits for the API requests in flight, from
 * their arrival (a body still coming, a {@code Delay} fault) to their answer, and holds
 * new ones until everything is restored. Without it a create during a reset took an Id
 * the fixtures were given back (a 500), or kept one the restarted Ids would give again;
 * and a request a {@code Delay} fault held changed the restored fixtures and reached the
 * next test's journal. Turns are counted, not locked by a thread: a request whose body
 * comes after its headers ends on another thread than it began.
 */
class ResetTurns implements ServletRequestListener {

	private static final String TURN = ResetTurns.class.getName() + ".turn";

	/** More than can ever be in flight: the reset takes them all. */
	private static final int ALL = Integer.MAX_VALUE;

	/** Fair, so that API requests that arrive while a reset waits wait behind it. */
	private final Semaphore turns = new Semaphore(ALL, true);

	<T> T alone(Supplier<T> reset) {
		this.turns.acquireUninterruptibly(ALL);
		try {
			return reset.get();
		}
		finally {
			this.turns.release(ALL);
		}
	}

	@Override
	public void requestInitialized(ServletRequestEvent event) {
		if (event.getServletRequest() instanceof HttpServletRequest request
				&& request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			this.turns.acquireUninterruptibly();
			request.setAttribute(TURN, Boolean.TRUE);
		}
	}

	@Override
	public void requestDestroyed(ServletRequestEvent event) {
		ServletRequest request = event.getServletRequest();
		if (request.getAttribute(TURN) != null) {
			request.removeAttribute(TURN);
			this.turns.release();
		}
	}

}
