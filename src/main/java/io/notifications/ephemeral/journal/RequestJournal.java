package io.notifications.ephemeral.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Predicate;

import io.notifications.ephemeral.EphemeralReset;

import org.springframework.context.event.EventListener;

/**
 * The requests the server answered, oldest first, at most {@code size} of them: the
 * oldest are dropped first. Sequence numbers count up for the life of the process, across
 * clears and resets.
 */
public final class RequestJournal {

	private final int size;

	private final Deque<JournalEntry> entries = new ArrayDeque<>();

	private long lastSequence;

	RequestJournal(int size) {
		this.size = size;
	}

	/** Adds the entry that {@code entry} makes of the next sequence number. */
	synchronized void add(LongFunction<JournalEntry> entry) {
		if (this.entries.size() == this.size) {
			this.entries.removeFirst();
		}
		this.entries.addLast(entry.apply(++this.lastSequence));
	}

	/** The entries that match, oldest first. */
	synchronized List<JournalEntry> find(Predicate<JournalEntry> filter) {
		List<JournalEntry> found = new ArrayList<>();
		for (JournalEntry entry : this.entries) {
			if (filter.test(entry)) {
				found.add(entry);
			}
		}
		return found;
	}

	/** Empties the journal; the sequence goes on. */
	@EventListener(EphemeralReset.class)
	public synchronized void clear() {
		this.entries.clear();
	}

}
