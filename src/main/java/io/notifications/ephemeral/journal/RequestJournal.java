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
 * The requests the server answered, oldest first, at most {@code size} of them and at
 * most {@code text} characters of their bodies and query strings (a journal of large
 * bodies would otherwise fill the heap before it reached its size): the oldest are
 * dropped first, the newest is always kept. Sequence numbers count up for the life of the
 * process, across clears and resets.
 */
public final class RequestJournal {

	private final int size;

	private final long text;

	private final Deque<JournalEntry> entries = new ArrayDeque<>();

	private long lastSequence;

	private long keptText;

	RequestJournal(int size, long text) {
		this.size = size;
		this.text = text;
	}

	/** Adds the entry that {@code entry} makes of the next sequence number. */
	synchronized void add(LongFunction<JournalEntry> entry) {
		JournalEntry added = entry.apply(++this.lastSequence);
		this.keptText += text(added);
		this.entries.addLast(added);
		while (this.entries.size() > this.size || (this.keptText > this.text && this.entries.size() > 1)) {
			this.keptText -= text(this.entries.removeFirst());
		}
	}

	private static long text(JournalEntry entry) {
		return length(entry.body()) + length(entry.query());
	}

	private static int length(String text) {
		return (text != null) ? text.length() : 0;
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
		this.keptText = 0;
	}

}
