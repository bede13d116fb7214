package io.notifications.database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs single-statement writes, each acknowledged only once committed. On the H2 file,
 * where writers queue anyway ({@link OneSessionAtATime}), the first in line runs every
 * waiting write and commits once; a failed group runs again write by write, so one bad
 * write never fails another. On PostgreSQL each write commits alone: a shared transaction
 * would make writers to different rows wait for each other's locks (docs/reliability.md).
 */
public final class GroupCommit {

	private final TransactionOperations transaction;

	private final boolean grouped;

	private final ReentrantLock lock = new ReentrantLock();

	/** In arrival order; guarded by {@link #lock}. */
	private final List<Write<?>> waiting = new ArrayList<>();

	/**
	 * A thread runs a group or has been told to run the next; guarded by {@link #lock}.
	 */
	private boolean running;

	/**
	 * @param grouped for a database that serves one session at a time
	 */
	public GroupCommit(TransactionOperations transaction, boolean grouped) {
		this.transaction = transaction;
		this.grouped = grouped;
	}

	public boolean grouped() {
		return this.grouped;
	}

	/**
	 * Returns once the write is committed.
	 * @param write one statement, through JPA; it may run on another thread, with other
	 * writes
	 */
	public <T> T write(Supplier<T> write) {
		if (!this.grouped || TransactionSynchronizationManager.isActualTransactionActive()) {
			// the caller's transaction commits it with the rest of its work
			return write.get();
		}
		Write<T> mine = new Write<>(write, Thread.currentThread());
		boolean leads;
		this.lock.lock();
		try {
			this.waiting.add(mine);
			leads = !this.running;
			this.running = true;
		}
		finally {
			this.lock.unlock();
		}
		if (!leads) {
			mine.awaitTurnOrOutcome();
			if (mine.settled) {
				return mine.outcome();
			}
		}
		List<Write<?>> group;
		this.lock.lock();
		try {
			group = new ArrayList<>(this.waiting);
			this.waiting.clear();
		}
		finally {
			this.lock.unlock();
		}
		try {
			run(group);
		}
		finally {
			handOn(group);
		}
		return mine.outcome();
	}

	/** Only threads that can go on are woken. */
	private void handOn(List<Write<?>> group) {
		Write<?> next;
		this.lock.lock();
		try {
			next = this.waiting.isEmpty() ? null : this.waiting.get(0);
			this.running = (next != null);
		}
		finally {
			this.lock.unlock();
		}
		for (Write<?> each : group) {
			if (!each.stored && each.failure == null) {
				// an Error ended the group: whether it was committed is unknown
				each.failure = new IllegalStateException("The write's group did not finish");
			}
			each.settle();
		}
		if (next != null) {
			next.lead();
		}
	}

	private void run(List<Write<?>> group) {
		if (group.size() == 1) {
			runAlone(group.get(0));
			return;
		}
		try {
			boolean committed = Boolean.TRUE.equals(this.transaction.execute((status) -> {
				for (Write<?> each : group) {
					try {
						each.run();
					}
					catch (RuntimeException ex) {
						status.setRollbackOnly();
						return false;
					}
				}
				return true;
			}));
			if (committed) {
				group.forEach((each) -> each.stored = true);
			}
			else {
				group.forEach(GroupCommit::runAlone);
			}
		}
		catch (RuntimeException ex) {
			// the transaction or its commit failed: nothing is stored
			for (Write<?> each : group) {
				if (!each.stored) {
					each.failure = ex;
				}
			}
		}
	}

	private static void runAlone(Write<?> write) {
		try {
			write.run();
			write.stored = true;
		}
		catch (RuntimeException ex) {
			write.failure = ex;
		}
	}

	private static final class Write<T> {

		private final Supplier<T> statement;

		private final Thread thread;

		private T result;

		private RuntimeException failure;

		/** Only then is {@link #result} the outcome. */
		private boolean stored;

		/** Set once the outcome is final; the write publishes the fields above. */
		private volatile boolean settled;

		private volatile boolean leads;

		Write(Supplier<T> statement, Thread thread) {
			this.statement = statement;
			this.thread = thread;
		}

		void run() {
			this.result = this.statement.get();
		}

		/** Keeps an interrupt for later. */
		void awaitTurnOrOutcome() {
			boolean interrupted = false;
			while (!this.settled && !this.leads) {
				LockSupport.park(this);
				interrupted |= Thread.interrupted();
			}
			if (interrupted) {
				this.thread.interrupt();
			}
		}

		void settle() {
			this.settled = true;
			if (this.thread != Thread.currentThread()) {
				LockSupport.unpark(this.thread);
			}
		}

		void lead() {
			this.leads = true;
			LockSupport.unpark(this.thread);
		}

		T outcome() {
			if (this.failure != null) {
				throw this.failure;
			}
			return this.result;
		}

	}

}
