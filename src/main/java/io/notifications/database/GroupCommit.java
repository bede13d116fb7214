package io.notifications.database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Single-statement writes, acknowledged once committed. On the H2 file, where writers
 * queue anyway ({@link OneSessionAtATime}), one commit serves every waiting write (one by
 * one if any fails); on PostgreSQL each commits alone, not to queue on others' row locks.
 */
public final class GroupCommit {

	private final TransactionOperations transaction;

	private final boolean grouped;

	private final ReentrantLock lock = new ReentrantLock();

	/** In arrival order; guarded by {@link #lock}. */
	private final List<Write<?>> waiting = new ArrayList<>();

	/** A thread runs a group or is told to run the next; guarded by {@link #lock}. */
	private boolean running;

	public GroupCommit(TransactionOperations transaction, boolean grouped) {
		this.transaction = transaction;
		this.grouped = grouped;
	}

	public boolean grouped() {
		return this.grouped;
	}

	/** One statement through JPA; it may run on another thread, with other writes. */
	public <T> T write(Supplier<T> write) {
		if (!this.grouped || TransactionSynchronizationManager.isActualTransactionActive()) {
			// the caller's transaction commits it with the rest of its work
			return write.get();
		}
		Write<T> mine = new Write<>(write);
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
		if (!leads && mine.awaitTurnOrOutcome()) {
			return mine.outcome();
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
				try {
					group.forEach(Write::run);
					return true;
				}
				catch (RuntimeException ex) {
					status.setRollbackOnly();
					return false;
				}
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
			group.stream().filter((each) -> !each.stored).forEach((each) -> each.failure = ex);
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

		private final Thread thread = Thread.currentThread();

		private T result;

		private RuntimeException failure;

		/** Only then is {@link #result} the outcome. */
		private boolean stored;

		/** Set once the outcome is final; the write publishes the fields above. */
		private volatile boolean settled;

		private volatile boolean leads;

		Write(Supplier<T> statement) {
			this.statement = statement;
		}

		void run() {
			this.result = this.statement.get();
		}

		/** Keeps an interrupt for later; answers whether the outcome came. */
		boolean awaitTurnOrOutcome() {
			boolean interrupted = false;
			while (!this.settled && !this.leads) {
				LockSupport.park(this);
				interrupted |= Thread.interrupted();
			}
			if (interrupted) {
				this.thread.interrupt();
			}
			return this.settled;
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
