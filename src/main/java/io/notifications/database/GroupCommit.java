package io.notifications.database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs single-statement writes, each acknowledged only once it is committed, and commits
 * the writes that arrive together in one transaction.
 *
 * <p>
 * On the embedded H2 file one thread at a time works with the database
 * ({@link OneSessionAtATime}), and each commit writes a new chunk of the file: the
 * changed pages, the index's pages, the maps' roots and H2's chunk metadata. Under load
 * the writers queue for their turn anyway; here the first in line runs every write that
 * is waiting, in arrival order, and commits once, so the chunk is shared. A write waits
 * no longer than it would for its own turn, and a caller returns only after the commit
 * that holds its write, so nothing acknowledged is lost by a crash.
 *
 * <p>
 * A write runs alone, as its statement does outside a transaction, when no other is
 * waiting, and always where the database serves many sessions at once (PostgreSQL): there
 * a shared transaction would make writers to different rows wait for each other's locks.
 * A write whose caller has a transaction runs in it. If a write in a group fails, the
 * group is rolled back and each of its writes runs again on its own, so that one bad
 * write never fails another.
 */
public final class GroupCommit {

	private final TransactionOperations transaction;

	private final boolean grouped;

	private final ReentrantLock lock = new ReentrantLock();

	/** Writes waiting for the next group, in arrival order; guarded by {@link #lock}. */
	private final List<Write<?>> waiting = new ArrayList<>();

	/**
	 * Whether a thread runs a group or has been told to run the next; guarded by
	 * {@link #lock}.
	 */
	private boolean running;

	/**
	 * @param transaction the transaction a group's writes share
	 * @param grouped whether concurrent writes share a commit (a database that serves one
	 * session at a time)
	 */
	public GroupCommit(TransactionOperations transaction, boolean grouped) {
		this.transaction = transaction;
		this.grouped = grouped;
	}

	/** Whether writes that arrive together share a commit. */
	public boolean grouped() {
		return this.grouped;
	}

	/**
	 * Runs the write and returns once it is committed.
	 * @param write one statement, through JPA; it may run on another thread, in a
	 * transaction with other writes
	 * @return what the write returned
	 * @throws RuntimeException what the write or its commit threw
	 */
	public <T> T write(Supplier<T> write) {
		if (!this.grouped || TransactionSynchronizationManager.isActualTransactionActive()) {
			// a caller's own transaction commits (or rolls back) the write with the rest
			// of its work
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

	/**
	 * Settles the group's writes and wakes their threads, and makes the first write that
	 * arrived meanwhile run the next group; only threads that can go on are woken.
	 */
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
			// the connection, the transaction or its commit failed: none of the writes is
			// stored
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

		/**
		 * Whether the write's commit succeeded: only then is {@link #result} its outcome.
		 */
		private boolean stored;

		/** Set once the outcome is final; the write publishes the fields above. */
		private volatile boolean settled;

		/** Set when this write's thread is to run the next group. */
		private volatile boolean leads;

		Write(Supplier<T> statement, Thread thread) {
			this.statement = statement;
			this.thread = thread;
		}

		void run() {
			this.result = this.statement.get();
		}

		/**
		 * Parks the write's thread until it is settled or is to lead, keeping an
		 * interrupt for later.
		 */
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
