package io.notifications.connection;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory that bodies being received may hold together
 * ({@code notifications.connection.max-buffered-bodies}): a request past it is answered
 * 503 rather than buffered.
 */
final class BodyBudget {

	private final AtomicLong buffered = new AtomicLong();

	private final long max;

	BodyBudget(long max) {
		this.max = max;
	}

	long buffered() {
		return this.buffered.get();
	}

	Reservation reservation() {
		return new Reservation();
	}

	/** The share of one request, given back whole when it ends. */
	final class Reservation {

		private long reserved;

		synchronized boolean reserve(int count) {
			long total = BodyBudget.this.buffered.addAndGet(count);
			if (total > BodyBudget.this.max) {
				BodyBudget.this.buffered.addAndGet(-count);
				return false;
			}
			this.reserved += count;
			return true;
		}

		synchronized void release() {
			BodyBudget.this.buffered.addAndGet(-this.reserved);
			this.reserved = 0;
		}

	}

}
