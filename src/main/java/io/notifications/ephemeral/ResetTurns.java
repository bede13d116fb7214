package io.notifications.ephemeral;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The reset and every other request but the steering calls take turns: a reset waits for
 * the requests in flight, from their arrival (a body still coming, a {@code Delay} fault)
 * to their answer, and holds new ones until everything is restored. Without it a create
 * during a reset took an Id the fixtures were given back (a 500), or kept one the
 * restarted Ids would give again; and a request a {@code Delay} fault held changed the
 * restored fixtures and reached the next test's journal. Turns are counted, not locked by
 * a thread: a request whose body comes after its headers ends on another thread than it
 * began, one that the server's pool must still have free. So at most half the pool waits
 * for a reset; a request beyond that is refused at once (503, {@link #isRefused}): with
 * every thread waiting, a body still coming was never handed on and the reset waited for
 * it for ever.
 */
class ResetTurns implements ServletRequestListener {

	private static final String TURN = ResetTurns.class.getName() + ".turn";

	private static final String REFUSED = ResetTurns.class.getName() + ".refused";

	/** More than can ever be in flight: the reset takes them all. */
	private static final int ALL = Integer.MAX_VALUE;

	/** Fair, so that requests that arrive while a reset waits wait behind it. */
	private final Semaphore turns = new Semaphore(ALL, true);

	private final AtomicInteger waiting = new AtomicInteger();

	private final int maxWaiting;

	ResetTurns(int serverThreads) {
		this.maxWaiting = Math.max(1, serverThreads / 2);
	}

	<T> T alone(Supplier<T> reset) {
		this.turns.acquireUninterruptibly(ALL);
		try {
			return reset.get();
		}
		finally {
			this.turns.release(ALL);
		}
	}

	/**
	 * Whether the request came while a reset was due and too many were waiting already.
	 */
	static boolean isRefused(ServletRequest request) {
		return request.getAttribute(REFUSED) != null;
	}

	/**
	 * The path as the application sees it, decoded: {@code /%61pi/...} is served as
	 * {@code /api/...}.
	 */
	@Override
	public void requestInitialized(ServletRequestEvent event) {
		if (!(event.getServletRequest() instanceof HttpServletRequest request)
				|| request.getServletPath().startsWith("/ephemeral/")) {
			return;
		}
		if (!takeTurn()) {
			request.setAttribute(REFUSED, Boolean.TRUE);
			return;
		}
		request.setAttribute(TURN, Boolean.TRUE);
	}

	private boolean takeTurn() {
		try {
			// a timed try keeps the order: it never passes a reset that waits
			if (this.turns.tryAcquire(0, TimeUnit.SECONDS)) {
				return true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		if (this.waiting.incrementAndGet() > this.maxWaiting) {
			this.waiting.decrementAndGet();
			return false;
		}
		try {
			this.turns.acquireUninterruptibly();
			return true;
		}
		finally {
			this.waiting.decrementAndGet();
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
